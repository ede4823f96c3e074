// The dashboard's charts (Chart.js, loaded before this module as a script). Every phase and KPI gets its
// label (no skipping); long names are shortened on the axis and given whole in the tooltip.
import { money } from './amounts.js';

const short = (s) => (s.length > 34 ? s.slice(0, 33) + '…' : s);
const label = (chart) => (v) => short(String(chart.data.labels[v] ?? v));
const css = getComputedStyle(document.documentElement);
function chart(id, make) {
  const canvas = document.getElementById(id);
  if (!canvas || !canvas.dataset.chart || !window.Chart) return;
  make(canvas, JSON.parse(canvas.dataset.chart));
}
chart('cost-chart', (canvas, d) => {
  const currency = canvas.dataset.currency || '';
  new Chart(canvas, {
    type: 'bar',
    data: { labels: d.labels, datasets: [
      { label: 'Forecast', data: d.forecast, backgroundColor: '#4a7fc1' },
      { label: 'Budget (baseline)', data: d.budget, backgroundColor: '#b8c2cc', borderColor: '#51606f', borderWidth: 1 }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false,
      scales: { x: { ticks: { callback: (v) => `${new Intl.NumberFormat('en', { notation: 'compact' }).format(Number(v))} ${currency}` } },
        y: { ticks: { autoSkip: false, callback: function (v) { return label(this.chart)(v); } } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(c.parsed.x, currency)}` } } } },
  });
});
chart('kpi-chart', (canvas, d) => {
  new Chart(canvas, {
    type: 'bar',
    data: { labels: d.labels, datasets: [{ label: 'Progress towards target (%)', data: d.progress, backgroundColor: '#1e7b34' }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false,
      scales: { x: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` } }, y: { ticks: { autoSkip: false, callback: function (v) { return label(this.chart)(v); } } } },
      plugins: { legend: { display: false } } },
  });
});
