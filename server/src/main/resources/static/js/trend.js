// The forecast finish by status date (Chart.js, loaded before this module as a script): the forecast, P50
// and P80 finish in calendar days past the baseline finish (0 = on the baseline's day), one point per status date.
const canvas = document.getElementById('trend-chart');
if (canvas && window.Chart) {
  const rows = JSON.parse(canvas.dataset.trend || '[]');
  const days = (n) => (n === null || n === undefined ? null : n);
  const label = (v) => (v > 0 ? `+${v} d` : v < 0 ? `${v} d` : 'baseline');
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: rows.map((r) => String(r.statusDate)),
      datasets: [
        { label: 'Baseline finish', data: rows.map((r) => (r.baseline ? 0 : null)), borderColor: '#51606f', borderDash: [6, 4], pointRadius: 0 },
        { label: 'Forecast finish (scheduled)', data: rows.map((r) => days(r.forecastDays)), borderColor: '#1d4f91', pointStyle: 'rect' },
        { label: 'P50 finish', data: rows.map((r) => days(r.p50Days)), borderColor: '#8a5a00', pointStyle: 'triangle' },
        { label: 'P80 finish', data: rows.map((r) => days(r.p80Days)), borderColor: '#b3261e', pointStyle: 'circle' },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false,
      scales: { y: { title: { display: true, text: 'days past the baseline finish' }, ticks: { callback: (v) => label(Number(v)) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${label(c.parsed.y)}` } },
      },
    },
  });
}
