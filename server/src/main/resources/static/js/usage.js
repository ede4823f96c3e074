// The resources page's usage chart: peak units per day of one resource against its maximum, with the
// over-allocations listed (GET /resource-usage). Texts go in as text.
import { call, explain, planId } from './api.js';
import { percent } from './amounts.js';

// people expect names: a task's name, with its id beside in muted text
const taskNames = JSON.parse(document.getElementById('usage').dataset.taskNames || '{}');
const named = (id, names) => ({ id, name: names[id] || id });

const select = document.getElementById('usage-resource');
const canvas = document.getElementById('usage-chart');
let chart = null;
let usage = [];

function days(u) {
  const out = [];
  const d = new Date(u.firstDay + 'T00:00:00Z');
  for (let i = 0; i < u.peak.length; i++) {
    out.push(new Date(d.getTime() + i * 86400000).toISOString().slice(0, 10));
  }
  return out;
}

function show(u) {
  const labels = days(u);
  const over = u.peak.map(p => p > u.maxUnits + 1e-9);
  const data = {
    labels,
    datasets: [
      { type: 'bar', label: 'Peak units (%)', data: u.peak.map(p => Math.round(p * 1000) / 10),
        backgroundColor: over.map(o => o ? '#c0392b' : '#4a7fc1') },
      { type: 'line', label: 'Maximum units (%)', data: u.peak.map(() => u.maxUnits * 100), borderColor: '#1d2733', borderDash: [5, 3],
        pointRadius: 0, borderWidth: 1.5 },
    ],
  };
  if (chart) chart.destroy();
  chart = new Chart(canvas, { data, options: { maintainAspectRatio: false, animation: false,
    scales: { y: { beginAtZero: true, title: { display: true, text: '%' } }, x: { ticks: { maxTicksLimit: 14 } } } } });
  canvas.dataset.resource = u.resourceId;
  canvas.dataset.overDays = String(over.filter(Boolean).length);
}

function table() {
  const body = document.querySelector('#overallocations tbody');
  body.textContent = '';
  const rows = usage.flatMap(u => u.overallocations);
  document.getElementById('usage-none').hidden = rows.length > 0;
  document.getElementById('overallocations').hidden = rows.length === 0;
  const resourceNames = Object.fromEntries(usage.map(u => [u.resourceId, u.name || u.resourceId]));
  for (const o of rows) {
    const tr = document.createElement('tr');
    const cells = [[named(o.resourceId, resourceNames)], [o.from.replace('T', ' ')], [o.to.replace('T', ' ')], [percent(o.units)],
      [percent(o.maxUnits)], o.taskIds.map(id => named(id, taskNames))];
    for (const parts of cells) {
      const td = document.createElement('td');
      parts.forEach((p, i) => {
        if (i > 0) td.append(', ');
        if (typeof p === 'string') { td.append(p); return; }
        td.append(p.name);
        if (p.name !== p.id) {
          const id = document.createElement('span');
          id.className = 'id';
          id.textContent = p.id;
          td.append(id);
        }
      });
      tr.appendChild(td);
    }
    body.appendChild(tr);
  }
}

async function load() {
  const res = await call('GET', `/api/v1/plans/${planId}/resource-usage`);
  if (!res.ok) { document.getElementById('usage-none').hidden = false; document.getElementById('usage-none').textContent = explain(res); return; }
  usage = res.body;
  select.textContent = '';
  usage.forEach((u, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = `${u.name || u.resourceId}${u.overallocations.length ? ' (over-allocated)' : ''}`;
    select.appendChild(o);
  });
  const first = Math.max(0, usage.findIndex(u => u.overallocations.length));
  select.value = String(first);
  if (usage.length) show(usage[first]);
  table();
  document.getElementById('usage').dataset.ready = 'true';
}

select.addEventListener('change', () => show(usage[Number(select.value)]));
load();
