// The status page's S-curves (Chart.js, loaded before this module as a script): planned value from the
// baseline over the whole plan, earned value and actual cost up to the status date.
import { money } from './amounts.js';

const canvas = document.getElementById('s-curve-chart');
if (canvas && window.Chart) {
  const points = JSON.parse(canvas.dataset.curve || '[]');
  const currency = canvas.dataset.currency || '';
  const day = (p) => String(p.date).slice(0, 10);
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(day),
      datasets: [
        { label: 'Planned value (PV)', data: points.map(p => p.pv), borderColor: '#51606f', borderDash: [6, 4], pointRadius: 0 },
        { label: 'Earned value (EV)', data: points.map(p => p.ev), borderColor: '#1e7b34', pointRadius: 0, spanGaps: false },
        { label: 'Actual cost (AC)', data: points.map(p => p.ac), borderColor: '#b3261e', pointRadius: 0, spanGaps: false },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { y: { ticks: { callback: (v) => `${new Intl.NumberFormat('en', { notation: 'compact' }).format(Number(v))} ${currency}` } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(c.parsed.y, currency)}` } } },
    },
  });
}
