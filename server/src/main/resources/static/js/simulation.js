// The risk analysis page: runs the simulation (GET /simulation) and draws the finish histogram with its
// S-curve and P-values, the cost distribution, the tornado chart, the criticality and the deadlines.
// Every text from the plan goes in as text.
import { call, explain, planId } from './api.js';
import { days as workingDays, money as amount, percent } from './amounts.js';

const form = document.getElementById('simulate-form');
const button = document.getElementById('simulate');
const status = document.getElementById('sim-status');
const error = document.getElementById('sim-error');
const results = document.getElementById('results');
const card = document.getElementById('simulation');
const currency = card.dataset.currency || '';
const charts = {};

// Percentile dates are days (minutes would be false precision); a finish at 00:00 is the end of the day before.
const when = t => {
  if (!t) return '–';
  if (t.slice(11, 16) !== '00:00') return t.slice(0, 10);
  const d = new Date(`${t.slice(0, 10)}T00:00:00Z`);
  return new Date(d.getTime() - 86400000).toISOString().slice(0, 10);
};
const days = workingDays;
const money = x => amount(x, currency);
const pct = percent;

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function rows(tbody, list) {
  tbody.textContent = '';
  for (const values of list) {
    const tr = document.createElement('tr');
    values.forEach((v, i) => cell(tr, v, i > 0 ? 'num' : ''));
    tbody.appendChild(tr);
  }
}

// Vertical lines at given x values, labelled: the P-values on a histogram.
const markers = {
  id: 'markers',
  afterDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.font = '12px system-ui, sans-serif';
    for (const m of opts.lines || []) {
      const x = scales.x.getPixelForValue(m.x);
      if (x < chartArea.left || x > chartArea.right) continue;
      ctx.strokeStyle = m.color;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      ctx.fillStyle = m.color;
      ctx.fillText(m.label, x + 3, chartArea.top + 12 + (m.row || 0) * 14);
    }
    ctx.restore();
  },
};

/** An axis label, or none where it would repeat its neighbour's (52, 52.5, 53 shown as days: 52, 53). */
export function tickLabel(format, v, i, ticks) {
  const s = format(v);
  return i > 0 && format(ticks[i - 1].value) === s ? '' : s;
}

function histogram(canvas, h, lines, xTitle, format) {
  const half = h.width / 2;
  const bars = h.bins.map(b => ({ x: b.from + half, y: b.share * 100 }));
  const curve = [{ x: h.bins[0].from, y: 0 }, ...h.bins.map(b => ({ x: b.from + h.width, y: b.cumulative * 100 }))];
  if (charts[canvas.id]) charts[canvas.id].destroy();
  charts[canvas.id] = new Chart(canvas, {
    data: {
      datasets: [
        { type: 'bar', label: 'Share of iterations (%)', data: bars, backgroundColor: '#4a7fc1', barPercentage: 1, categoryPercentage: 1, yAxisID: 'y' },
        { type: 'line', label: 'Cumulative probability (%)', data: curve, borderColor: '#1d2733', pointRadius: 0, borderWidth: 2, yAxisID: 'y2' },
      ],
    },
    options: {
      maintainAspectRatio: false, animation: false, parsing: true,
      scales: {
        x: { type: 'linear', title: { display: true, text: xTitle }, ticks: { callback: (v, i, ticks) => tickLabel(format, v, i, ticks) } },
        y: { beginAtZero: true, title: { display: true, text: 'share of iterations (%)' } },
        y2: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: 'cumulative (%)' } },
      },
      plugins: { markers: { lines }, tooltip: { callbacks: { title: items => format(items[0].parsed.x) } } },
    },
    plugins: [markers],
  });
}

function tornado(r) {
  const entries = Object.entries(r.sensitivity).slice(0, 15);
  const short = t => (t.length > 38 ? t.slice(0, 37) + '…' : t);
  const labels = entries.map(([id]) => r.names[id] ? `${short(r.names[id])} (${id})` : id);
  if (charts.tornado) charts.tornado.destroy();
  charts.tornado = new Chart(document.getElementById('tornado-chart'), {
    type: 'bar',
    data: { labels, datasets: [{ label: 'Correlation with the finish', data: entries.map(([, v]) => v),
      backgroundColor: entries.map(([, v]) => (v >= 0 ? '#c0392b' : '#2e8b57')) }] },
    options: { indexAxis: 'y', maintainAspectRatio: false, animation: false,
      scales: { x: { min: -1, max: 1, title: { display: true, text: 'correlation' } }, y: { ticks: { autoSkip: false } } },
      plugins: { legend: { display: false } } },
  });
  rows(document.querySelector('#sensitivity tbody'), entries.map(([id, v], i) => [labels[i], v.toFixed(3)]));
}

function show(r) {
  const f = r.finish;
  const d = r.finish_days;
  const c = r.cost;
  rows(document.querySelector('#percentiles tbody'), [
    ['Finish', when(f.p10), when(f.p50), when(f.p80), when(f.p90), when(f.mean), when(r.planned.finish)],
    ['Working days from the start', days(d.p10), days(d.p50), days(d.p80), days(d.p90), days(d.mean), days(r.planned.finish_days)],
    ['Cost', money(c.p10), money(c.p50), money(c.p80), money(c.p90), money(c.mean), money(r.planned.cost)],
  ]);
  histogram(document.getElementById('finish-chart'), r.histogram.finish_days, [
    { x: d.p10, label: 'P10', color: '#6b7785', row: 0 }, { x: d.p50, label: 'P50', color: '#1d2733', row: 1 },
    { x: d.p80, label: 'P80', color: '#b35c00', row: 2 }, { x: d.p90, label: 'P90', color: '#c0392b', row: 3 },
    { x: r.planned.finish_days, label: 'plan', color: '#2e8b57', row: 4 }], 'working days from the plan start', v => Number(v).toFixed(0));
  histogram(document.getElementById('cost-chart'), r.histogram.cost, [
    { x: c.p50, label: 'P50', color: '#1d2733', row: 0 }, { x: c.p90, label: 'P90', color: '#c0392b', row: 1 }], currency || 'cost',
    v => Math.round(v).toLocaleString('en'));
  const deadlines = Object.entries(r.deadlines);
  document.getElementById('no-deadlines').hidden = deadlines.length > 0;
  document.getElementById('deadlines').hidden = deadlines.length === 0;
  rows(document.querySelector('#deadlines tbody'), deadlines.map(([id, p]) => [r.names[id] ? `${r.names[id]} (${id})` : id,
    when(r.deadline_dates[id]), pct(p)]));
  deadlines.forEach(([, p], i) => {
    const td = document.querySelectorAll('#deadlines tbody tr')[i].lastChild;
    td.classList.add(p >= 0.8 ? 'good' : p >= 0.5 ? 'warn-text' : 'bad-text');
  });
  tornado(r);
  const critical = Object.entries(r.criticality).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200);
  rows(document.querySelector('#criticality tbody'), critical.map(([id, v]) => [r.names[id] ? `${r.names[id]} (${id})` : id, pct(v)]));
  const ms = Object.entries(r.milestones);
  document.getElementById('milestones-card').hidden = ms.length === 0;
  rows(document.querySelector('#milestones tbody'), ms.map(([id, m]) => [r.names[id] ? `${r.names[id]} (${id})` : id, when(m.p50), when(m.p80), when(m.p90)]));
  document.getElementById('notes').textContent = r.notes.join(' ');
  results.hidden = false;
}

async function run() {
  error.textContent = '';
  const data = new FormData(form);
  const q = new URLSearchParams({ iterations: data.get('iterations'), seed: data.get('seed'), correlation: data.get('correlation') || '0' });
  button.disabled = true;
  card.dataset.busy = 'true';
  status.textContent = `Simulating ${Number(data.get('iterations')).toLocaleString('en')} iterations…`;
  const res = await call('GET', `/api/v1/plans/${planId}/simulation?${q}`);
  button.disabled = false;
  delete card.dataset.busy;
  if (!res.ok) {
    status.textContent = '';
    error.textContent = explain(res);
    return;
  }
  const r = res.body;
  show(r);
  status.textContent = `${r.iterations.toLocaleString('en')} iterations in ${r.ms} ms (seed ${r.seed}, revision ${r.revision}).`;
  card.dataset.ready = 'true';
  card.dataset.p80 = r.finish.p80;
}

form.addEventListener('submit', e => { e.preventDefault(); run(); });
run();
