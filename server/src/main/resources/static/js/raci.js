// The RACI matrix: one delegated handler for the whole table (cells are plain text, the parties in the
// header's data-party). The matrix is a grid: one cell is in the tab order, the arrow keys (Home, End,
// PageUp, PageDown) move, Enter or Space gives the cell the next role. Changes go through the REST API
// (PATCH of the task's raci, If-Match the page's revision); the row's problems are read back from the
// plan's problems, so that the page says what the problems list says.
import { call, explain, fieldErrors, planId, canEdit } from './api.js';

const table = document.getElementById('raci');
const message = document.getElementById('page-message');
const status = document.getElementById('raci-status');
const parties = [...table.tHead.rows[0].cells].map(th => th.dataset.party);
const names = [...table.tHead.rows[0].cells].map(th => th.textContent.trim());
const CYCLE = ['', 'R', 'A', 'C', 'I', ''];
let active = null;

function activate(cell, focus = true) {
  if (!cell) return;
  if (active) active.tabIndex = -1;
  active = cell;
  cell.tabIndex = 0;
  if (focus) cell.focus({ preventScroll: false });
}

function cellAt(rowIndex, col) {
  const rows = table.tBodies[0].rows;
  const row = rows[Math.max(0, Math.min(rows.length - 1, rowIndex))];
  return row ? row.cells[Math.max(1, Math.min(row.cells.length - 1, col))] : null;
}

/** The next role of a cell: none, R, A, C, I, none; a task without an Accountable gets A first. */
function nextRole(row, now) {
  if (now === '' && ![...row.cells].some(c => c.textContent === 'A')) return 'A';
  return CYCLE[CYCLE.indexOf(now) + 1];
}

function entries(row) {
  const out = [];
  for (let i = 1; i < row.cells.length; i++) {
    const role = row.cells[i].textContent;
    if (role) out.push({ party: parties[i], role });
  }
  return out;
}

function show(cell, role) {
  cell.textContent = role;
  cell.className = role ? `r-${role}` : '';
}

async function refreshProblems(rows) {
  const res = await call('GET', `/api/v1/plans/${planId}/problems`);
  if (!res.ok) return;
  for (const row of rows) {
    const id = row.dataset.task;
    const mine = res.body.filter(p => p.path && p.path.startsWith(`tasks/${id}/raci`)).map(p => p.message);
    const head = row.cells[0];
    head.querySelectorAll('.tag.bad, .problem-text').forEach(e => e.remove());
    row.classList.toggle('has-problem', mine.length > 0);
    if (mine.length) {
      const tag = document.createElement('span');
      tag.className = 'tag bad';
      tag.setAttribute('aria-hidden', 'true');
      tag.textContent = '!';
      const text = document.createElement('span');
      text.className = 'problem-text';
      text.textContent = mine.join('; ');
      head.querySelector('.tname').after(' ', tag, text);
    }
  }
}

async function cycle(cell) {
  if (!canEdit || table.dataset.busy) return;
  const row = cell.parentElement;
  const before = cell.textContent;
  const role = nextRole(row, before);
  message.textContent = '';
  show(cell, role);
  table.dataset.busy = 'true';
  const res = await call('PATCH', `/api/v1/plans/${planId}/tasks/${encodeURIComponent(row.dataset.task)}`, { raci: entries(row) },
    { ifMatch: true, contentType: 'application/merge-patch+json' });
  delete table.dataset.busy;
  const what = `${row.cells[0].querySelector('.tname').textContent}, ${names[cell.cellIndex]}`;
  if (!res.ok) {
    show(cell, before);
    const why = fieldErrors(res).map(e => e.message).filter(Boolean).join(' ');
    message.textContent = `${what}: ${explain(res)}${why ? ' ' + why : ''}`;
    return;
  }
  status.textContent = `${what}: ${role || 'none'}`;
  await refreshProblems([row]);
}

table.addEventListener('click', e => {
  const cell = e.target.closest('td');
  if (!cell || !table.contains(cell)) return;
  activate(cell);
  cycle(cell);
});

table.addEventListener('keydown', e => {
  const cell = e.target.closest('td');
  if (!cell) return;
  const r = cell.parentElement.sectionRowIndex;
  const c = cell.cellIndex;
  const page = Math.max(1, Math.floor(table.parentElement.clientHeight / cell.offsetHeight) - 2);
  const moves = { ArrowUp: [r - 1, c], ArrowDown: [r + 1, c], ArrowLeft: [r, c - 1], ArrowRight: [r, c + 1],
    Home: [r, 1], End: [r, Infinity], PageUp: [r - page, c], PageDown: [r + page, c] };
  if (moves[e.key]) {
    e.preventDefault();
    activate(cellAt(...moves[e.key]));
  } else if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    cycle(cell);
  }
});

// one cell in the tab order: the first
activate(cellAt(0, 1), false);
