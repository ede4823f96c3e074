// The task grid and the Gantt chart of a plan, side by side and scrolling together. Only the rows in
// view are drawn (a plan of 5,000 tasks draws some forty rows), into one stage that sits over a plain
// scrolling viewport: the viewport gives native scrolling and scroll bars, the stage draws what is in
// view. Every change goes through the REST API; the schedule is then read back (only what changed)
// and drawn again. Task names and every other text go into the page as text, never as markup. The notation
// (dates, durations, predecessors, working days) is notation.js; the time scale and links gantt-draw.js;
// the chart on paper gantt-print.js; this module holds the page: loading, the grid, editing, the chart's rows.
import { call, explain, fieldErrors, planId, canEdit, currentRevision, setRevision } from './api.js';
import { drawLink, drawScale, unitsFor, floorTo, next } from './gantt-draw.js';
import { printGantt } from './gantt-print.js';
import { installGrid, addTask, deleteTask, editor, indent, move, outdent, patchTask, placeEditor, problemText } from './gantt-grid.js';
import { DAY, parse, day, finishDay, parseFinish, stamp, parseDuration, formatDays, formatVariance, percentText, predecessorText, parsePredecessors,
  workingDays, workingDaysBetween } from './notation.js';
import { doneShare, progressLine, progressPeak, progressPoint } from './progress.js';
import { money, number } from './amounts.js';

const ROW = 24;
const HEAD = 40;
const ZOOMS = { day: 28, week: 8, month: 2.2, quarter: 0.8 };
// every column the grid can show, in their order (MS Project's Entry and Tracking tables); `fixed` ones are always
// shown, `why` says why a read-only one cannot be typed into
const SCHEDULED = 'is worked out by the schedule; change the duration, start or predecessors instead.';
const ALL_COLS = [
  { key: 'num', title: '#', w: 50, ro: true, cls: 'num', fixed: true },
  { key: 'name', title: 'Task name', w: 230, fixed: true },
  { key: 'duration', title: 'Duration', w: 70, cls: 'num' },
  { key: 'start', title: 'Start', w: 98 },
  { key: 'finish', title: 'Finish', w: 98, ro: true, why: SCHEDULED },
  { key: 'preds', title: 'Predecessors', w: 100 },
  { key: 'resources', title: 'Resources', w: 110 },
  { key: 'objectives', title: 'Objectives', w: 80 },
  { key: 'float', title: 'Float', w: 62, ro: true, cls: 'num', why: SCHEDULED },
  { key: 'pct', title: '% Complete', name: 'Percent complete', w: 82, cls: 'num' },
  { key: 'actualStart', title: 'Actual start', w: 98 },
  { key: 'actualFinish', title: 'Actual finish', w: 98 },
  { key: 'baselineStart', title: 'Baseline start', w: 104, ro: true, why: 'is what the baseline saved; save a new baseline on the status page to change it.' },
  { key: 'baselineFinish', title: 'Baseline finish', w: 104, ro: true, why: 'is what the baseline saved; save a new baseline on the status page to change it.' },
  { key: 'variance', title: 'Finish var.', name: 'Finish variance', w: 78, ro: true, cls: 'num', why: 'is the finish against the baseline finish, in working days.' },
  { key: 'work', title: 'Work', w: 76, ro: true, cls: 'num', why: 'comes from the resources\' assignments; change the resources or the duration.' },
  { key: 'cost', title: 'Cost', w: 100, ro: true, cls: 'num', why: 'comes from the resources\' rates and the fixed cost.' },
  { key: 'actualCost', title: 'Actual cost', w: 100, ro: true, cls: 'num', why: 'is the cost of the work done: the share complete, or the actual costs reported.' },
];
const DEFAULT_COLUMNS = ALL_COLS.slice(0, 9).map(c => c.key);
/** The columns shown, in order: the page changes this array in place when the user chooses others. */
const COLS = [];
/** The grid's width on the page: all its columns, or when they are too many for the window, a part that scrolls sideways (state.gridX). */
let GRIDW = 0;
let GRID_FULL = 0;

const root = document.getElementById('sched');
const viewport = root.querySelector('.viewport');
const sizer = root.querySelector('.sizer');
const stage = root.querySelector('.stage');
const grid = root.querySelector('.grid');
const gridHead = root.querySelector('.grid-head');
const gridRows = root.querySelector('.grid-rows');
const chart = root.querySelector('.chart');
const tip = root.querySelector('.tip');
const message = document.getElementById('sched-message');
const details = document.getElementById('row-details');
const summary = document.getElementById('sched-summary');
const statusDate = root.dataset.statusDate ? parse(root.dataset.statusDate) : null;
// the Objectives column shows names; a name typed (or kept) there is read back as its objective's id
const objectiveNames = JSON.parse(root.dataset.objectives || '{}');
const objectiveId = text => objectiveNames[text] !== undefined ? text
  : Object.keys(objectiveNames).find(id => objectiveNames[id].toLowerCase() === text.toLowerCase()) || text;
const HOURS_PER_DAY = Number(document.querySelector('meta[name="minutes-per-day"]')?.content || 480) / 60;
const progressSvg = root.querySelector('svg.progress-svg');
const progressPolyline = progressSvg.querySelector('.progress-line');
const progressPeaks = progressSvg.querySelector('.progress-peaks');
const SVGNS = 'http://www.w3.org/2000/svg';

const state = {
  tasks: [], byId: new Map(), rowOf: new Map(), depth: [], parent: [], sched: new Map(), baseline: new Map(),
  links: [], origin: 0, end: 0, px: ZOOMS.week, active: { r: 0, c: 1 }, editing: null, dirty: true, drag: null, gridX: 0,
};

// ------------------------------------------------------------------ dates

const xOf = (ms) => (ms - state.origin) / DAY * state.px;
const msOf = (x) => state.origin + x / state.px * DAY;

// ------------------------------------------------------------------ loading

/** Marks the chart busy while a change is sent and the schedule read back (data-busy, for tests and styles). */
let pending = 0;
async function busy(work) {
  pending++;
  root.dataset.busy = 'true';
  try { return await work(); } finally { if (--pending === 0) delete root.dataset.busy; }
}

function loadAll() { return busy(loadAllNow); }

async function loadAllNow() {
  const [tasks, schedule, baselines, resources, calendars, settings] = await Promise.all([
    call('GET', `/api/v1/plans/${planId}/tasks`), call('GET', `/api/v1/plans/${planId}/schedule`),
    call('GET', `/api/v1/plans/${planId}/baselines`), call('GET', `/api/v1/plans/${planId}/resources`),
    call('GET', `/api/v1/plans/${planId}/calendars`), call('GET', `/api/v1/plans/${planId}`)]);
  state.material = new Set(resources.ok ? resources.body.filter(r => r.type === 'MATERIAL').map(r => r.id) : []);
  state.calendars = calendars.ok ? calendars.body : [];
  state.calendarId = settings.ok && settings.body.settings ? settings.body.settings.calendarId || (state.calendars[0] || {}).id : (state.calendars[0] || {}).id;
  state.currency = settings.ok && settings.body.settings ? settings.body.settings.currency || '' : '';
  state.works = null;
  if (!tasks.ok || !schedule.ok) { say(explain(tasks.ok ? schedule : tasks), true); return; }
  setRevision(Math.min(tasks.revision || 0, schedule.revision || 0) || schedule.revision);
  setTasks(tasks.body);
  state.sched = new Map(schedule.body.tasks.map(t => [t.id, t]));
  state.baseline = new Map();
  if (baselines.ok && baselines.body.length) {
    // the main baseline (MS Project's "Baseline", the first one)
    for (const b of baselines.body[0].tasks || []) state.baseline.set(b.taskId, b);
  }
  timeline(schedule.body);
  state.loaded = true;
  layout();
}

/** Which days a task's calendar works (its own, else the plan's), for where its work done ends. */
function worksFor(t) {
  const id = (t && t.calendarId) || state.calendarId;
  if (!state.works) state.works = new Map();
  if (!state.works.has(id)) state.works.set(id, workingDays(state.calendars, id));
  return state.works.get(id);
}

function setTasks(list) {
  state.tasks = list;
  state.byId = new Map(list.map(t => [t.id, t]));
  state.rowOf = new Map(list.map((t, i) => [t.id, i]));
  state.depth = [];
  state.hasKids = new Set();
  list.forEach((t, i) => {
    state.depth[i] = t.parentId && state.rowOf.has(t.parentId) ? state.depth[state.rowOf.get(t.parentId)] + 1 : 0;
    if (t.parentId) state.hasKids.add(t.parentId);
  });
  state.links = [];
  list.forEach((t, i) => (t.links || []).forEach(l => {
    const from = state.rowOf.get(l.predecessorId);
    if (from !== undefined) state.links.push({ from, to: i, type: l.type || 'FS' });
  }));
  // links by the first row they touch, in blocks of 64 rows: a view looks at the blocks it overlaps and
  // at the few links that span more than a block
  state.linkBlocks = new Map();
  state.longLinks = [];
  for (const l of state.links) {
    const lo = Math.min(l.from, l.to), hi = Math.max(l.from, l.to);
    if (hi - lo > 64) { state.longLinks.push(l); continue; }
    const k = lo >> 6;
    if (!state.linkBlocks.has(k)) state.linkBlocks.set(k, []);
    state.linkBlocks.get(k).push(l);
  }
}

/** The links with an end in rows first..last, or passing through them. */
function linksIn(first, last) {
  const out = [];
  for (let k = (first >> 6) - 1; k <= last >> 6; k++) {
    for (const l of state.linkBlocks.get(k) || []) if (Math.max(l.from, l.to) >= first && Math.min(l.from, l.to) <= last) out.push(l);
  }
  for (const l of state.longLinks) if (Math.max(l.from, l.to) >= first && Math.min(l.from, l.to) <= last) out.push(l);
  return out;
}

function timeline(s) {
  const start = parse(s.start), finish = parse(s.finish);
  const first = start ?? Date.now();
  state.origin = first - 14 * DAY - (first % DAY);
  state.end = (finish ?? first) + 60 * DAY;
  summary.textContent = s.start ? `${state.tasks.length} tasks · ${day(start)} to ${day(finish)} · ${s.criticalTaskCount} critical` : '';
}

/** After a change: what changed since the revision we had, or everything when the server no longer knows. */
async function refresh(structural, before) {
  if (structural) { await loadAll(); return; }
  const res = await call('GET', `/api/v1/plans/${planId}/schedule?since=${before}`);
  if (!res.ok) { await loadAll(); return; }
  if (res.body.complete || res.body.revision > before + 1) {
    // others changed the plan too: read the tasks again as well
    const tasks = await call('GET', `/api/v1/plans/${planId}/tasks`);
    if (tasks.ok) setTasks(tasks.body);
  }
  if (res.body.complete) state.sched = new Map();
  for (const row of res.body.tasks) state.sched.set(row.id, row);
  for (const id of res.body.removed || []) state.sched.delete(id);
  timeline(res.body);
  layout();
}

// ------------------------------------------------------------------ layout and drawing

/** Fits the grid to the window: all columns when they fit, else as many as leave the chart room, scrolled sideways. */
function fitGrid() {
  GRIDW = Math.min(GRID_FULL, Math.max(330, (viewport.clientWidth || GRID_FULL + 400) - 260));
  grid.style.width = GRIDW + 'px';
  state.gridX = Math.max(0, Math.min(state.gridX, GRID_FULL - GRIDW));
}

/** Scrolls the grid sideways to show column {@code c} whole. */
function revealColumn(c) {
  const x = COLS.slice(0, c).reduce((sum, col) => sum + col.w, 0);
  const w = COLS[c] ? COLS[c].w : 0;
  const fixed = COLS[0].w; // the row number stays in view
  if (x - state.gridX < fixed && c > 0) state.gridX = Math.max(0, x - fixed);
  else if (x + w - state.gridX > GRIDW) state.gridX = x + w - GRIDW;
  state.gridX = Math.max(0, Math.min(state.gridX, GRID_FULL - GRIDW));
}

function layout() {
  fitGrid();
  sizer.style.width = (GRIDW + xOf(state.end)) + 'px';
  sizer.style.height = (HEAD + state.tasks.length * ROW) + 'px';
  grid.setAttribute('aria-rowcount', String(state.tasks.length + 1));
  grid.setAttribute('aria-colcount', String(COLS.length));
  state.active.r = Math.min(state.active.r, Math.max(0, state.tasks.length - 1));
  draw();
}

let frame = 0;
function draw() {
  if (frame) return;
  frame = requestAnimationFrame(() => { frame = 0; render(); });
}

function visibleRange() {
  const top = viewport.scrollTop;
  const h = viewport.clientHeight - HEAD;
  const first = Math.max(0, Math.floor(top / ROW) - 2);
  const last = Math.min(state.tasks.length - 1, Math.ceil((top + h) / ROW) + 2);
  return [first, last];
}

function render() {
  const w = viewport.clientWidth, h = viewport.clientHeight;
  stage.style.width = w + 'px';
  stage.style.height = h + 'px';
  const [first, last] = visibleRange();
  renderGrid(first, last);
  renderChart(first, last, Math.max(0, w - GRIDW), h);
  if (!window.__ganttReady && state.loaded) {
    window.__ganttReady = true;
    performance.mark('gantt-ready');
    root.dataset.ready = 'true';
  }
}

function cellText(t, i, key) {
  const s = state.sched.get(t.id);
  switch (key) {
    case 'num': return String(i + 1);
    case 'name': return t.name || '';
    case 'duration': return t.milestone ? '0d' : state.hasKids.has(t.id) ? (s ? fmtDays(s.durationHours) : '') : (t.duration || '');
    case 'start': return s && s.start ? day(parse(s.start)) : '';
    case 'finish': return s && s.finish ? finishDay(parse(s.finish)) : '';
    case 'preds': return predText(t);
    case 'resources': return (t.assignments || []).map(a => state.material.has(a.resourceId) ? `${a.resourceId}[${a.units}]`
      : a.units === 1 ? a.resourceId : `${a.resourceId}[${Math.round(a.units * 1000) / 10}%]`).join(', ');
    case 'objectives': return (t.objectiveIds || []).map(id => objectiveNames[id] || id).join(', ');
    case 'float': return s ? (s.done ? 'done' : fmtDays(s.totalFloatHours)) : '';
    case 'pct': return percentText(s ? s.percentComplete : t.percentComplete);
    case 'actualStart': return s && s.actualStart ? day(parse(s.actualStart)) : '';
    case 'actualFinish': return s && s.actualFinish ? finishDay(parse(s.actualFinish)) : '';
    case 'baselineStart': return s && s.baselineStart ? day(parse(s.baselineStart)) : '';
    case 'baselineFinish': return s && s.baselineFinish ? finishDay(parse(s.baselineFinish)) : '';
    case 'variance': return s ? formatVariance(s.finishVarianceHours, HOURS_PER_DAY) : '';
    case 'work': return s && s.workHours !== undefined ? `${number(Math.round(s.workHours * 10) / 10)}h` : '';
    case 'cost': return s && s.cost !== undefined ? money(s.cost, state.currency) : '';
    case 'actualCost': return s && s.actualCost !== undefined ? money(s.actualCost, state.currency) : '';
    default: return '';
  }
}
function fmtDays(hours) { return formatDays(hours, HOURS_PER_DAY); }

/** Predecessors in MS Project's notation (notation.js). */
function predText(t) { return predecessorText(t.links, id => state.rowOf.get(id)); }

const pool = [];
function rowElement(k) {
  if (!pool[k]) {
    const r = document.createElement('div');
    r.className = 'grow';
    r.setAttribute('role', 'row');
    COLS.forEach((c, ci) => {
      const cell = document.createElement('div');
      cell.className = 'gcell ' + (c.cls || '') + (c.ro ? ' ro' : '');
      cell.style.width = c.w + 'px';
      cell.setAttribute('role', ci === 0 ? 'rowheader' : 'gridcell');
      cell.setAttribute('aria-colindex', String(ci + 1));
      cell.dataset.col = String(ci);
      r.appendChild(cell);
    });
    gridRows.appendChild(r);
    pool[k] = r;
  }
  return pool[k];
}

/** The grid's header row for the columns shown. */
function renderHead() {
  gridHead.textContent = '';
  COLS.forEach((c, ci) => {
    const h = document.createElement('div');
    h.className = 'ghead ' + (c.cls || '');
    h.style.width = c.w + 'px';
    h.setAttribute('role', 'columnheader');
    h.setAttribute('aria-colindex', String(ci + 1));
    h.textContent = c.title;
    if (c.name) h.title = c.name;
    gridHead.appendChild(h);
  });
}

function renderGrid(first, last) {
  gridHead.style.transform = state.gridX ? `translateX(${-state.gridX}px)` : '';
  const top = viewport.scrollTop;
  let k = 0;
  for (let i = first; i <= last; i++, k++) {
    const t = state.tasks[i];
    const r = rowElement(k);
    r.hidden = false;
    r.style.transform = `translate(${-state.gridX}px, ${HEAD + i * ROW - top}px)`;
    r.setAttribute('aria-rowindex', String(i + 2));
    r.dataset.row = String(i);
    const s = state.sched.get(t.id);
    r.className = 'grow' + (state.hasKids.has(t.id) ? ' summary' : '') + (s && s.critical ? ' critical' : '') + (i === state.active.r ? ' active-row' : '');
    const cells = r.children;
    for (let c = 0; c < COLS.length; c++) {
      const cell = cells[c];
      const text = cellText(t, i, COLS[c].key);
      if (cell.textContent !== text) cell.textContent = text;
      cell.id = `cell-${i}-${c}`;
      cell.title = c === 1 ? text : '';
      cell.style.paddingLeft = c === 1 ? (6 + state.depth[i] * 14) + 'px' : '';
      const active = i === state.active.r && c === state.active.c;
      cell.classList.toggle('active', active);
      cell.setAttribute('aria-selected', String(active));
    }
  }
  for (; k < pool.length; k++) pool[k].hidden = true;
  const activeCell = document.getElementById(`cell-${state.active.r}-${state.active.c}`);
  if (activeCell) grid.setAttribute('aria-activedescendant', activeCell.id); else grid.removeAttribute('aria-activedescendant');
  if (state.editing) placeEditor();
}

function bar(i) {
  const t = state.tasks[i];
  const s = state.sched.get(t.id);
  if (!s || !s.start) return null;
  const x1 = xOf(parse(s.start)), x2 = xOf(parse(s.finish));
  return { t, s, x1, x2: Math.max(x2, x1 + (s.type === 'milestone' ? 0 : 2)), y: i * ROW, kind: s.type, lateX: s.lateFinish ? xOf(parse(s.lateFinish)) : x2 };
}

const ctx = chart.getContext('2d');
const COLOURS = {
  stripe: '#f8fafb', active: '#e8f1fb', weekend: '#f1f3f5', bar: '#4a7fc1', crit: '#c0392b', summary: '#26313d', sumCrit: '#7d1f16',
  float: '#7a8a99', base: '#b8c2cc', barLight: '#b4cbe8', critLight: '#eeb2ab', check: '#1d2733', link: '#51606f', today: '#f08c00', status: '#0b5cad', scale: '#eef2f6',
  tick: '#dde3e8', text: '#44515e', ghost: '#0b5cad', preLevel: '#c08a2b',
};
const hatches = new Map();
/** The critical path's diagonal lines (not colour alone): white over the part done, red over the lighter part to do. */
function hatchPattern(colour = 'rgba(255,255,255,.55)') {
  if (hatches.has(colour)) return hatches.get(colour);
  const c = document.createElement('canvas');
  c.width = 6; c.height = 6;
  const g = c.getContext('2d');
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.beginPath(); g.moveTo(-1, 7); g.lineTo(7, -1); g.moveTo(-1, 1); g.lineTo(1, -1); g.moveTo(5, 7); g.lineTo(7, 5); g.stroke();
  hatches.set(colour, ctx.createPattern(c, 'repeat'));
  return hatches.get(colour);
}
/** What was drawn last, for tests and for assistive summaries: bars (with a part done, finished), milestones, summaries, links, the progress line's peaks. */
const drawn = { bars: 0, milestones: 0, summaries: 0, links: 0, critical: 0, preLevel: 0, started: 0, finished: 0, behind: 0, ahead: 0 };

function renderChart(first, last, w, h) {
  const dpr = window.devicePixelRatio || 1;
  if (chart.width !== Math.round(w * dpr) || chart.height !== Math.round(h * dpr)) {
    chart.width = Math.round(w * dpr); chart.height = Math.round(h * dpr);
    chart.style.width = w + 'px'; chart.style.height = h + 'px';
  }
  chart.style.left = GRIDW + 'px';
  const sl = viewport.scrollLeft, st = viewport.scrollTop;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  // the body: chart coordinates shifted by the scroll position
  ctx.save();
  ctx.beginPath(); ctx.rect(0, HEAD, w, h - HEAD); ctx.clip();
  ctx.translate(-sl, HEAD - st);
  const x0 = sl, xw = sl + w;
  for (let i = first; i <= last; i++) {
    if (i === state.active.r) { ctx.fillStyle = COLOURS.active; ctx.fillRect(x0, i * ROW, w, ROW); }
    else if (i % 2) { ctx.fillStyle = COLOURS.stripe; ctx.fillRect(x0, i * ROW, w, ROW); }
  }
  if (state.px >= 20) {
    ctx.fillStyle = COLOURS.weekend;
    for (let t = Math.floor(msOf(x0) / DAY) * DAY; xOf(t) < xw; t += DAY) {
      const wd = new Date(t).getUTCDay();
      if (wd === 0 || wd === 6) ctx.fillRect(xOf(t), first * ROW, state.px, (last - first + 1) * ROW);
    }
  }
  // grid lines of the lower time scale
  ctx.strokeStyle = COLOURS.tick; ctx.lineWidth = 1;
  ctx.beginPath();
  const unit = scaleUnits()[1];
  for (let t = floorTo(msOf(x0), unit); xOf(t) < xw; t = next(t, unit)) { const x = Math.round(xOf(t)) + 0.5; ctx.moveTo(x, st - HEAD); ctx.lineTo(x, st + h); }
  ctx.stroke();
  drawn.bars = drawn.milestones = drawn.summaries = drawn.links = drawn.critical = drawn.preLevel = drawn.started = drawn.finished = 0;
  // links whose ends are in view, or that pass through the view
  for (const l of linksIn(first, last)) {
    const a = bar(l.from), b = bar(l.to);
    if (!a || !b) continue;
    const crit = a.s.critical && b.s.critical;
    ctx.strokeStyle = crit ? COLOURS.crit : COLOURS.link;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = crit ? 1.6 : 1.2;
    linkPath(a, b, l.type);
    drawn.links++;
  }
  for (let i = first; i <= last; i++) {
    const b = bar(i);
    if (!b) continue;
    const y = b.y;
    const base = state.baseline.get(b.t.id);
    if (base && base.start && base.finish) {
      ctx.fillStyle = COLOURS.base;
      ctx.fillRect(xOf(parse(base.start)), y + 17, Math.max(2, xOf(parse(base.finish)) - xOf(parse(base.start))), 4);
    }
    const pre = state.preLevel && state.preLevel.get(b.t.id);
    if (pre && pre.start && b.kind !== 'summary' && pre.start !== b.s.start) {
      const px1 = xOf(parse(pre.start)), px2 = xOf(parse(pre.finish));
      ctx.fillStyle = COLOURS.preLevel;
      ctx.fillRect(px1, y + 19, Math.max(2, px2 - px1), 3);
      ctx.strokeStyle = COLOURS.preLevel; ctx.lineWidth = 1;
      ctx.beginPath(); ctx.moveTo(px1, y + 11.5); ctx.lineTo(b.x1, y + 11.5); ctx.stroke();
      drawn.preLevel++;
    }
    const crit = b.s.critical;
    if (crit) drawn.critical++;
    if (b.kind === 'summary') {
      drawn.summaries++;
      ctx.fillStyle = crit ? COLOURS.sumCrit : COLOURS.summary;
      ctx.beginPath();
      ctx.moveTo(b.x1, y + 7); ctx.lineTo(b.x2, y + 7); ctx.lineTo(b.x2, y + 17); ctx.lineTo(b.x2 - 5, y + 12);
      ctx.lineTo(b.x1 + 5, y + 12); ctx.lineTo(b.x1, y + 17); ctx.closePath(); ctx.fill();
      if (b.s.done) finishedMark(b.x2 + 3, y);
    } else if (b.kind === 'milestone') {
      drawn.milestones++;
      const cx = b.x1, cy = y + 12;
      ctx.fillStyle = crit ? COLOURS.crit : COLOURS.summary;
      ctx.beginPath(); ctx.moveTo(cx, cy - 7); ctx.lineTo(cx + 7, cy); ctx.lineTo(cx, cy + 7); ctx.lineTo(cx - 7, cy); ctx.closePath(); ctx.fill();
      if (crit) { ctx.strokeStyle = '#5c130c'; ctx.lineWidth = 1.5; ctx.stroke(); }
      if (doneShare(b.s) >= 1) finishedMark(cx + 9, y);
    } else {
      drawn.bars++;
      if (b.lateX > b.x2 + 0.5) {
        ctx.strokeStyle = COLOURS.float; ctx.lineWidth = 2; ctx.setLineDash([3, 2]);
        ctx.beginPath(); ctx.moveTo(b.x2, y + 12); ctx.lineTo(b.lateX, y + 12); ctx.stroke(); ctx.setLineDash([]);
      }
      // the part done solid, from the actual start to where the percent complete reaches; the rest lighter, outlined
      const colour = crit ? COLOURS.crit : COLOURS.bar;
      const xd = doneX(b);
      ctx.fillStyle = crit ? COLOURS.critLight : COLOURS.barLight;
      ctx.fillRect(b.x1, y + 5, b.x2 - b.x1, 13);
      if (crit) { ctx.fillStyle = hatchPattern('rgba(192,57,43,.6)'); ctx.fillRect(xd, y + 5, b.x2 - xd, 13); }
      if (xd > b.x1) {
        ctx.fillStyle = colour; ctx.fillRect(b.x1, y + 5, xd - b.x1, 13);
        if (crit) { ctx.fillStyle = hatchPattern(); ctx.fillRect(b.x1, y + 5, xd - b.x1, 13); }
        drawn.started++;
      }
      ctx.strokeStyle = colour; ctx.lineWidth = 1;
      ctx.strokeRect(b.x1 + 0.5, y + 5.5, Math.max(1, b.x2 - b.x1 - 1), 12);
      if (xd >= b.x2) finishedMark(b.x2 + (canEdit ? 13 : 3), y);
      if (canEdit) {
        ctx.strokeStyle = 'rgba(81,96,111,.5)'; ctx.lineWidth = 1; ctx.fillStyle = '#fff';
        ctx.beginPath(); ctx.arc(b.x2 + 7, y + 11.5, 3.5, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
      }
    }
  }
  const nowX = xOf(Date.now() - new Date().getTimezoneOffset() * 60000);
  ctx.lineWidth = 2; ctx.strokeStyle = COLOURS.today;
  ctx.beginPath(); ctx.moveTo(nowX, st - HEAD); ctx.lineTo(nowX, st + h); ctx.stroke();
  if (statusDate) {
    ctx.lineWidth = 1.5; ctx.strokeStyle = COLOURS.status; ctx.setLineDash([5, 3]);
    ctx.beginPath(); ctx.moveTo(xOf(statusDate), st - HEAD); ctx.lineTo(xOf(statusDate), st + h); ctx.stroke(); ctx.setLineDash([]);
  }
  ghost();
  ctx.restore();
  // the time scale
  ctx.save();
  ctx.translate(-sl, 0);
  ctx.fillStyle = COLOURS.scale; ctx.fillRect(x0, 0, w, HEAD);
  scale(x0, xw);
  ctx.restore();
  renderProgress(first, last, w, h);
  chart.dataset.bars = String(drawn.bars);
  chart.dataset.started = String(drawn.started);
  chart.dataset.finished = String(drawn.finished);
  chart.dataset.links = String(drawn.links);
  chart.dataset.preLevel = String(drawn.preLevel);
}

/** Where a bar's part done ends: its finish when finished, its start when nothing is done. */
function doneX(b) {
  const share = doneShare(b.s);
  if (share >= 1) return b.x2;
  if (share <= 0) return b.x1;
  return Math.min(b.x2, Math.max(b.x1, xOf(progressPoint(parse(b.s.start), parse(b.s.finish), share * 100, worksFor(b.t)))));
}

/** A tick after what is finished: said by a sign, not by colour alone. */
function finishedMark(x, y) {
  ctx.fillStyle = COLOURS.check; ctx.font = 'bold 12px system-ui, sans-serif';
  ctx.fillText('\u2713', x, y + 16);
  drawn.finished++;
}

/**
 * MS Project's progress line, over the chart as SVG: down the status date, bending in each row to where the
 * task's work done reaches (left: behind, right: ahead); straight past finished and not-yet-due tasks.
 */
function renderProgress(first, last, w, h) {
  drawn.behind = drawn.ahead = 0;
  const on = !!state.progressLine && statusDate !== null;
  progressSvg.hidden = !on;
  if (!on) return;
  const sl = viewport.scrollLeft, st = viewport.scrollTop;
  progressSvg.style.left = GRIDW + 'px';
  progressSvg.style.top = HEAD + 'px';
  progressSvg.setAttribute('width', String(w));
  progressSvg.setAttribute('height', String(Math.max(0, h - HEAD)));
  const statusX = xOf(statusDate) - sl;
  const peaks = [];
  progressPeaks.textContent = '';
  for (let i = first; i <= last; i++) {
    const t = state.tasks[i];
    const peak = state.hasKids.has(t.id) ? null : progressPeak(state.sched.get(t.id), statusDate, worksFor(t), parse);
    if (!peak || peak.state === 'on') { peaks.push(null); continue; }
    const x = xOf(peak.at) - sl;
    peaks.push(x);
    drawn[peak.state]++;
    const dot = document.createElementNS(SVGNS, 'circle');
    dot.setAttribute('cx', x.toFixed(1)); dot.setAttribute('cy', (i * ROW - st + ROW / 2).toFixed(1)); dot.setAttribute('r', '2.5');
    dot.setAttribute('class', 'progress-peak ' + peak.state);
    progressPeaks.appendChild(dot);
  }
  const pts = progressLine(peaks, statusX, first * ROW - st, ROW);
  progressPolyline.setAttribute('points', pts.map(p => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' '));
  progressSvg.dataset.statusX = statusX.toFixed(1);
  progressSvg.dataset.behind = String(drawn.behind);
  progressSvg.dataset.ahead = String(drawn.ahead);
}

/** The outline of a bar being dragged, or the line of a link being drawn. */
function ghost() {
  const d = state.drag;
  if (!d || d.x === undefined) return;
  const b = d.b;
  ctx.strokeStyle = COLOURS.ghost; ctx.lineWidth = 2;
  if (d.zone === 'move') {
    const days = Math.round(d.dx / state.px);
    const x1 = xOf(Math.floor(parse(b.s.start) / DAY) * DAY + days * DAY);
    ctx.setLineDash([4, 2]); ctx.strokeRect(x1, b.y + 3, Math.max(4, b.x2 - b.x1), 17); ctx.setLineDash([]);
  } else if (d.zone === 'resize') {
    const x2 = Math.max(b.x1 + state.px, b.x2 + d.dx);
    ctx.setLineDash([4, 2]); ctx.strokeRect(b.x1, b.y + 3, x2 - b.x1, 17); ctx.setLineDash([]);
  } else {
    ctx.beginPath(); ctx.moveTo(b.x2 + 7, b.y + 12); ctx.lineTo(d.x, d.y); ctx.stroke();
  }
}

/** Draws a link the way MS Project does: out of the predecessor's end (or start), into the successor's start (or end), with an arrow. */
function linkPath(a, b, type) { drawLink(ctx, a, b, type, ROW); }

function scaleUnits() { return unitsFor(state.px); }

function scale(x0, x1) { drawScale(ctx, x0, x1, msOf, xOf, unitsFor(state.px), COLOURS); }

// ------------------------------------------------------------------ messages

function say(text, bad) {
  message.textContent = text || '';
  message.classList.toggle('bad', !!bad);
}

/** A task's progress in words: finished, or its percent complete and, at the status date, whether it is behind or ahead. */
function progressWords(t, s) {
  if (doneShare(s) >= 1) return 'finished \u2713';
  const words = [`${percentText(s.percentComplete)} complete`];
  const peak = state.hasKids.has(t.id) ? null : progressPeak(s, statusDate, worksFor(t), parse);
  if (peak && peak.state !== 'on') words.push(`${peak.state} at the status date (work done reaches ${day(peak.at)})`);
  if (s.finishVarianceHours !== undefined) words.push(`finish variance ${formatVariance(s.finishVarianceHours, HOURS_PER_DAY)}`);
  return words.join(', ');
}

function describe(i) {
  const t = state.tasks[i];
  if (!t) { details.textContent = ''; return; }
  const s = state.sched.get(t.id);
  const parts = [`Row ${i + 1}: ${t.name}`];
  if (s) {
    parts.push(`${s.type}, ${day(parse(s.start))} to ${finishDay(parse(s.finish))}`);
    parts.push(`total float ${fmtDays(s.totalFloatHours)}${s.critical ? ', critical' : ''}`);
    parts.push(progressWords(t, s));
    if (s.driver) parts.push(s.driver);
  }
  details.textContent = parts.filter(Boolean).join(' · ');
}

// ------------------------------------------------------------------ the chart: hover, drag, link

function hit(ev) {
  const rect = chart.getBoundingClientRect();
  const x = ev.clientX - rect.left + viewport.scrollLeft;
  const y = ev.clientY - rect.top - HEAD + viewport.scrollTop;
  const i = Math.floor(y / ROW);
  if (y < 0 || i < 0 || i >= state.tasks.length) return null;
  const b = bar(i);
  if (!b) return { i, x };
  let zone = null;
  if (b.kind === 'milestone') { if (Math.abs(x - b.x1) <= 8) zone = 'move'; }
  else if (b.kind !== 'summary') {
    if (canEdit && Math.abs(x - (b.x2 + 7)) <= 5) zone = 'link';
    else if (x >= b.x2 - 5 && x <= b.x2 + 2) zone = 'resize';
    else if (x >= b.x1 && x < b.x2 - 5) zone = 'move';
  } else if (x >= b.x1 && x <= b.x2) zone = 'summary';
  return { i, x, b, zone };
}

chart.addEventListener('pointermove', (ev) => {
  if (state.drag) { dragMove(ev); return; }
  const h = hit(ev);
  chart.style.cursor = !h || !h.zone || !canEdit ? 'default' : h.zone === 'resize' ? 'ew-resize' : h.zone === 'link' ? 'crosshair' : h.zone === 'move' ? 'grab' : 'default';
  if (h && h.b && h.zone) showTip(h.b, ev); else tip.hidden = true;
});
chart.addEventListener('pointerleave', () => { if (!state.drag) tip.hidden = true; });

function showTip(b, ev) {
  const s = b.s;
  tip.textContent = '';
  const add = (text, cls) => { const d = document.createElement('div'); d.textContent = text; if (cls) d.className = cls; tip.appendChild(d); };
  add(b.t.name, 'tip-title');
  add(`${day(parse(s.start))} → ${finishDay(parse(s.finish))}  (${fmtDays(s.durationHours)})`);
  add(`Total float ${fmtDays(s.totalFloatHours)}, free float ${fmtDays(s.freeFloatHours)}${s.critical ? ' · critical' : ''}`);
  add(progressWords(b.t, s));
  if (s.driver) add(s.driver, 'muted');
  const r = stage.getBoundingClientRect();
  tip.style.transform = `translate(${Math.min(ev.clientX - r.left + 12, r.width - 320)}px, ${ev.clientY - r.top + 16}px)`;
  tip.hidden = false;
}

chart.addEventListener('pointerdown', (ev) => {
  const h = hit(ev);
  if (!h) return;
  move(h.i, state.active.c);
  if (!canEdit || !h.zone || h.zone === 'summary') return;
  ev.preventDefault();
  chart.setPointerCapture(ev.pointerId);
  state.drag = { zone: h.zone, i: h.i, b: h.b, x0: h.x, dx: 0 };
  tip.hidden = true;
});

function dragMove(ev) {
  const d = state.drag;
  const rect = chart.getBoundingClientRect();
  const x = ev.clientX - rect.left + viewport.scrollLeft;
  const y = ev.clientY - rect.top - HEAD + viewport.scrollTop;
  d.dx = x - d.x0;
  d.x = x; d.y = y;
  draw();
}

chart.addEventListener('pointerup', async (ev) => {
  const d = state.drag;
  if (!d) return;
  state.drag = null;
  chart.releasePointerCapture(ev.pointerId);
  const b = d.b;
  if (Math.abs(d.dx) < 3 && d.zone !== 'link') { draw(); return; }
  if (d.zone === 'move') {
    const days = Math.round(d.dx / state.px);
    if (days === 0) { draw(); return; } // not moved by a whole day: nothing pinned
    const start = Math.floor(parse(b.s.start) / DAY) * DAY + days * DAY;
    say(`Moving '${b.t.name}' to start no earlier than ${day(start)}…`);
    const was = b.s.start;
    if (await patchTask(b.t.id, { constraint: { type: 'SNET', date: stamp(start) } })) {
      const now = state.sched.get(b.t.id);
      if (now && now.start === was) say(`'${b.t.name}' cannot start earlier: ${now.driver || 'its predecessors hold it'}. It starts no earlier than ${day(start)} now.`);
    }
  } else if (d.zone === 'resize') {
    const startDay = Math.floor(parse(b.s.start) / DAY) * DAY;
    const endDay = Math.max(startDay + DAY, Math.round(msOf(b.x2 + d.dx) / DAY) * DAY);
    const oldEnd = Math.round(parse(b.s.finish) / DAY) * DAY;
    if (endDay === oldEnd) { draw(); return; } // not stretched by a whole day: the duration stays as it was typed
    // working days on the task's calendar (its own, else the plan's): holidays do not count
    const n = Math.max(1, workingDaysBetween(startDay, endDay, workingDays(state.calendars, b.t.calendarId || state.calendarId)));
    // the unit the duration was given in is kept: hours stay hours, elapsed days stay elapsed
    const unit = /^\s*[\d.]+\s*(e?)(h|m|min|w|mo)?/i.exec(b.t.duration || '') || [];
    const elapsed = unit[1] === 'e';
    const duration = elapsed ? `${Math.round((endDay - startDay) / DAY)}ed` : (unit[2] || '').toLowerCase() === 'h' ? `${n * HOURS_PER_DAY}h` : `${n}d`;
    say(`Changing the duration of '${b.t.name}' to ${duration}…`);
    await patchTask(b.t.id, { duration, milestone: false });
  } else {
    const target = hit(ev);
    draw();
    if (!target || target.i === d.i || !target.b) { say('Drop on another task’s bar to link the two.'); return; }
    const succ = target.b.t;
    if ((succ.links || []).some(l => l.predecessorId === b.t.id)) { say(`'${succ.name}' already follows '${b.t.name}'.`); return; }
    say(`Linking '${b.t.name}' → '${succ.name}'…`);
    await patchTask(succ.id, { links: [...(succ.links || []), { predecessorId: b.t.id, type: 'FS', lag: '0d' }] });
  }
  draw();
});

// ------------------------------------------------------------------ toolbar, scrolling, start

viewport.addEventListener('scroll', () => { tip.hidden = true; draw(); }, { passive: true });
stage.addEventListener('wheel', (ev) => {
  if (ev.target === editor || ev.ctrlKey || ev.metaKey) return; // Ctrl+wheel zooms the page, as everywhere
  if (grid.contains(ev.target) && GRID_FULL > GRIDW && (ev.shiftKey || Math.abs(ev.deltaX) > Math.abs(ev.deltaY))) {
    // sideways over the grid: its columns scroll, the chart stays
    state.gridX = Math.max(0, Math.min(GRID_FULL - GRIDW, state.gridX + (ev.shiftKey ? ev.deltaY : ev.deltaX)));
    ev.preventDefault();
    draw();
    return;
  }
  viewport.scrollBy({ left: ev.shiftKey ? ev.deltaY : ev.deltaX, top: ev.shiftKey ? 0 : ev.deltaY });
  ev.preventDefault();
}, { passive: false });
window.addEventListener('resize', () => layout());

function zoom(level) {
  const centre = msOf(viewport.scrollLeft + (viewport.clientWidth - GRIDW) / 2);
  state.px = ZOOMS[level];
  document.querySelectorAll('[data-zoom]').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.zoom === level)));
  layout();
  viewport.scrollLeft = Math.max(0, xOf(centre) - (viewport.clientWidth - GRIDW) / 2);
}
document.querySelectorAll('[data-zoom]').forEach(b => b.addEventListener('click', () => zoom(b.dataset.zoom)));
document.getElementById('goto-today')?.addEventListener('click', () => {
  viewport.scrollLeft = Math.max(0, xOf(Date.now()) - (viewport.clientWidth - GRIDW) / 3);
});
document.getElementById('add-task')?.addEventListener('click', addTask);
document.getElementById('delete-task')?.addEventListener('click', deleteTask);
document.getElementById('indent')?.addEventListener('click', indent);
document.getElementById('outdent')?.addEventListener('click', outdent);
document.getElementById('level')?.addEventListener('click', () => busy(levelNow));

/** Levels the resources (one revision), says what changed, and offers to undo it. */
async function levelNow() {
  if (!confirm('Level the resources? Tasks are delayed (never shortened) until no resource is over-allocated; you can undo it.')) return;
  say('Levelling… (up to 2 seconds)');
  const before = new Map([...state.sched].map(([id, r]) => [id, { start: r.start, finish: r.finish }]));
  const res = await call('POST', `/api/v1/plans/${planId}/level`, undefined, { ifMatch: true });
  if (!res.ok) { say(problemText(res), true); return; }
  // the dates before leveling stay drawn under the bars (with the delay as a line), as MS Project's leveling Gantt shows them
  state.preLevel = before;
  const b = res.body;
  const left = b.remaining.length ? ` ${b.remaining.length} over-allocations are left between tasks leveling may not move (started, manual or on a fixed date).` : '';
  const moved = b.backward
    ? `start ${day(parse(b.startBefore))} → ${day(parse(b.startAfter))} (the plan is scheduled from its finish); ${b.delays.length} tasks moved earlier`
    : `finish ${finishDay(parseFinish(b.finishBefore))} → ${finishDay(parseFinish(b.finishAfter))}; ${b.delays.length} tasks delayed`;
  // deadlines leveling breaks are said in words, never left to the bars (the CLI prints the same list)
  const missed = (b.missedDeadlines || []).map(m => `${m.taskId ? m.name : 'the plan\'s target finish'} (deadline ${finishDay(parseFinish(m.deadline))}, now ${m.late} late)`);
  const broke = missed.length ? ` ${missed.length === 1 ? 'A deadline is' : `${missed.length} deadlines are`} now missed: ${missed.join('; ')}.` : ' No deadline is missed because of it.';
  say(`Levelled: ${b.overallocationsBefore} over-allocations before; ${moved}.${broke}${left} `, missed.length > 0);
  const undo = document.createElement('button');
  undo.type = 'button'; undo.className = 'small'; undo.id = 'undo-level'; undo.textContent = 'Undo leveling';
  undo.addEventListener('click', () => busy(async () => {
    const u = await call('POST', `/api/v1/plans/${planId}/level/undo`, undefined, { ifMatch: true });
    if (!u.ok) { say(problemText(u), true); return; }
    say('Leveling undone.');
    state.preLevel = null;
    await loadAllNow();
  }));
  message.appendChild(undo);
  await loadAllNow();
}
grid.addEventListener('focus', () => describe(state.active.r));

// ------------------------------------------------------------------ the View and Columns menus (remembered per plan in this browser)

const COLUMNS_KEY = `planwright.columns.${planId}`;
const VIEW_KEY = `planwright.view.${planId}`;
function remembered(key) {
  try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } // none kept, or storage refused
}
function remember(key, value) {
  try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: the choice lasts as long as the page */ }
}

/** Shows the columns of {@code keys} (the fixed ones always), in the grid's order. */
function setColumns(keys) {
  const want = new Set(keys);
  const activeKey = COLS[state.active.c] && COLS[state.active.c].key;
  COLS.length = 0;
  for (const c of ALL_COLS) if (c.fixed || want.has(c.key)) COLS.push(c);
  GRID_FULL = COLS.reduce((sum, c) => sum + c.w, 0);
  fitGrid();
  renderHead();
  pool.forEach(r => r.remove());
  pool.length = 0;
  const at = COLS.findIndex(c => c.key === activeKey);
  state.active.c = at >= 0 ? at : Math.min(state.active.c, COLS.length - 1);
  if (state.loaded) layout();
}

function columnsMenu() {
  const menu = document.getElementById('columns-menu');
  menu.textContent = '';
  for (const c of ALL_COLS) {
    if (c.fixed) continue;
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = c.key;
    box.checked = COLS.includes(c);
    box.addEventListener('change', () => {
      const keys = [...menu.querySelectorAll('input:checked')].map(i => i.value);
      setColumns(keys);
      remember(COLUMNS_KEY, keys);
    });
    label.append(box, ' ' + (c.name || c.title));
    menu.appendChild(label);
  }
  const reset = document.createElement('button');
  reset.type = 'button'; reset.className = 'small'; reset.textContent = 'Default columns';
  reset.addEventListener('click', () => {
    setColumns(DEFAULT_COLUMNS);
    try { localStorage.removeItem(COLUMNS_KEY); } catch (e) { /* nothing kept */ }
    menu.querySelectorAll('input').forEach(i => { i.checked = DEFAULT_COLUMNS.includes(i.value); });
  });
  menu.appendChild(reset);
}

/** A button that opens and closes its menu; Escape, or a click or the focus elsewhere, closes it. */
function disclosure(button) {
  if (!button) return;
  const menu = document.getElementById(button.getAttribute('aria-controls'));
  const open = (yes) => { menu.hidden = !yes; button.setAttribute('aria-expanded', String(yes)); };
  button.addEventListener('click', () => {
    open(menu.hidden);
    if (!menu.hidden) menu.querySelector('input, button')?.focus();
  });
  menu.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { open(false); button.focus(); } });
  menu.addEventListener('focusout', (ev) => { if (ev.relatedTarget && !menu.contains(ev.relatedTarget) && ev.relatedTarget !== button) open(false); });
  document.addEventListener('pointerdown', (ev) => { if (!menu.hidden && !menu.contains(ev.target) && !button.contains(ev.target)) open(false); });
}

const progressToggle = document.getElementById('show-progress-line');
state.progressLine = statusDate !== null && (remembered(VIEW_KEY) || {}).progressLine !== false;
progressToggle.checked = state.progressLine;
progressToggle.disabled = statusDate === null;
if (statusDate === null) progressToggle.parentElement.title = 'The plan has no status date: set it in the plan\'s settings to see its progress line.';
progressToggle.addEventListener('change', () => {
  state.progressLine = progressToggle.checked;
  remember(VIEW_KEY, { ...(remembered(VIEW_KEY) || {}), progressLine: state.progressLine });
  draw();
});
const keptColumns = remembered(COLUMNS_KEY);
setColumns(Array.isArray(keptColumns) ? keptColumns : DEFAULT_COLUMNS);
columnsMenu();
disclosure(document.getElementById('view-menu-button'));
disclosure(document.getElementById('columns-menu-button'));

installGrid();
loadAll().then(() => {
  zoom('week');
  const first = state.tasks.findIndex(t => !state.hasKids.has(t.id));
  if (first > 0) state.active.r = 0;
  describe(state.active.r);
});
window.__gantt = { state, draw, zoom, drawn };

// ------------------------------------------------------------------ printing (gantt-print.js)

function printChart() {
  printGantt(root, state.tasks.map((t, i) => ({ t, depth: state.depth[i] || 0, summary: state.hasKids.has(t.id), s: state.sched.get(t.id), works: worksFor(t) })),
    { statusDate: state.progressLine ? statusDate : null });
}
window.addEventListener('beforeprint', printChart);
window.addEventListener('afterprint', () => document.getElementById('print-gantt')?.remove());

export { COLS, HEAD, ROW, busy, revealColumn, cellText, describe, draw, grid, gridRows, loadAll, loadAllNow, message, objectiveId, refresh, say, setTasks, stage, state, summary, viewport };
