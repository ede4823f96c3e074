// The dashboard's charts (Chart.js, loaded before this module as a script).
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
      scales: { x: { ticks: { callback: (v) => `${new Intl.NumberFormat(undefined, { notation: 'compact' }).format(Number(v))} ${currency}` } } },
      plugins: { legend: { position: 'bottom' } } },
  });
});
chart('kpi-chart', (canvas, d) => {
  new Chart(canvas, {
    type: 'bar',
    data: { labels: d.labels, datasets: [{ label: 'Progress towards target (%)', data: d.progress, backgroundColor: '#1e7b34' }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
  });
});
