// The task grid's keyboard and editing: moving the active cell, typing into a cell (the notation is
// notation.js), saving the change through the REST API, and adding, deleting, indenting and outdenting
// rows. The page (schedule.js) owns the state and the drawing and calls installGrid() once it is ready.
import { call, explain, fieldErrors, planId, canEdit, currentRevision } from './api.js';
import { day, parse, stamp, parseDuration, parsePercent, parsePredecessors } from './notation.js';
import { COLS, HEAD, ROW, busy, revealColumn, cellText, describe, draw, grid, gridRows, loadAll, loadAllNow, message, objectiveId, refresh, say, setTasks, stage, state, summary, viewport } from './schedule.js';


export function move(r, c) {
  const n = state.tasks.length;
  state.active.r = Math.max(0, Math.min(n - 1, r));
  state.active.c = Math.max(0, Math.min(COLS.length - 1, c));
  revealColumn(state.active.c);
  const top = viewport.scrollTop, h = viewport.clientHeight - HEAD;
  const y = state.active.r * ROW;
  if (y < top) viewport.scrollTop = y;
  else if (y + ROW > top + h) viewport.scrollTop = y + ROW - h;
  describe(state.active.r);
  draw();
}



export const editor = document.createElement('input');
const editorError = document.createElement('div');

function editable(r, c) {
  const col = COLS[c];
  const t = state.tasks[r];
  if (!canEdit || !t || col.ro) return false;
  if (state.hasKids.has(t.id) && ['duration', 'start', 'resources', 'pct', 'actualStart', 'actualFinish'].includes(col.key)) return false;
  return true;
}

function startEdit(initial) {
  const { r, c } = state.active;
  if (!editable(r, c)) {
    if (canEdit && COLS[c].ro) say(`${COLS[c].name || COLS[c].title} ${COLS[c].why || 'cannot be changed here.'}`);
    else if (canEdit) say('A summary task takes its dates, duration and progress from its subtasks.');
    else say('You can read this plan but not change it.');
    return;
  }
  const t = state.tasks[r];
  state.editing = { r, c, id: t.id, key: COLS[c].key, before: cellText(t, r, COLS[c].key) };
  editor.value = initial !== undefined ? initial : state.editing.before;
  editor.setAttribute('aria-label', `${COLS[c].title} of ${t.name}`);
  editor.removeAttribute('aria-invalid');
  editorError.hidden = true;
  editor.hidden = false;
  placeEditor();
  editor.focus();
  if (initial === undefined) editor.select();
}

export function placeEditor() {
  const e = state.editing;
  const x = COLS.slice(0, e.c).reduce((s, c) => s + c.w, 0) - state.gridX;
  const y = HEAD + e.r * ROW - viewport.scrollTop;
  editor.style.transform = `translate(${x}px, ${y}px)`;
  editor.style.width = COLS[e.c].w + (e.c === 1 ? 60 : 20) + 'px';
  editorError.style.transform = `translate(${x}px, ${y + ROW}px)`;
}

function endEdit() {
  state.editing = null;
  editor.hidden = true;
  editorError.hidden = true;
  grid.focus();
  draw();
}


/** Escape cancels the edit; Enter saves it and goes down, Tab saves it and goes across. */
async function editorKey(ev) {
  if (ev.key === 'Escape') { ev.preventDefault(); endEdit(); say(''); return; }
  if (ev.key === 'Enter' || ev.key === 'Tab') {
    ev.preventDefault();
    const { r, c } = state.editing;
    const ok = await commitEdit();
    if (!ok) return;
    if (ev.key === 'Enter') move(r + 1, c); else move(r, ev.shiftKey ? c - 1 : c + 1);
  }
}
// leaving the cell for elsewhere on the page saves it; the grid taking the focus back does not (its keys still go to the cell)

/** The merge patch an edit of a cell makes, or a message when the text cannot be read. */
function patchFor(key, text, t) {
  text = text.trim();
  switch (key) {
    case 'name':
      if (!text) return { error: 'A task needs a name.' };
      return { patch: { name: text } };
    case 'duration': {
      const d = parseDuration(text);
      return d.error ? d : { patch: { milestone: !!d.milestone, duration: d.duration } };
    }
    case 'start': {
      if (!text) return { patch: { constraint: null } };
      const ms = parse(text);
      if (ms === null) return { error: 'Type a date as 2026-03-02.' };
      return { patch: { constraint: { type: 'SNET', date: stamp(ms) } } };
    }
    case 'preds': return parsePreds(text, t);
    case 'resources': {
      if (!text) return { patch: { assignments: [] } };
      const out = [];
      const had = new Map((t.assignments || []).map(a => [a.resourceId, a]));
      for (const part of text.split(/[,;]/).map(s => s.trim()).filter(Boolean)) {
        const m = /^([^\[\]]+?)\s*(?:\[\s*(\d+(?:\.\d+)?)\s*(%?)\s*\])?$/.exec(part);
        if (!m) return { error: `Cannot read '${part}': write a resource id, with its units in brackets when not 100%, such as pm[50%].` };
        const material = state.material.has(m[1]);
        const units = m[2] === undefined ? (had.has(m[1]) ? had.get(m[1]).units : 1) : material && !m[3] ? Number(m[2]) : Number(m[2]) / 100;
        // an assignment kept as it was keeps what the cell does not show (its work); new units let the work follow
        const before = had.get(m[1]);
        out.push(before && before.units === units ? before : { resourceId: m[1], units });
      }
      return { patch: { assignments: out } };
    }
    case 'objectives': return { patch: { objectiveIds: text ? text.split(/[,;]/).map(s => s.trim()).filter(Boolean).map(objectiveId) : [] } };
    case 'pct': {
      const p = parsePercent(text);
      if (p.error) return p;
      // as MS Project does: progress on a task not started starts it when it was to start, 100 % finishes it when it
      // was to finish; less than 100 % takes its actual finish away, and 0 % its actual start too
      const row = state.sched.get(t.id) || {};
      const patch = { percentComplete: p.percent };
      if (p.percent > 0 && !t.actualStart && row.start) patch.actualStart = row.start;
      if (p.percent >= 100 && !t.actualFinish && row.finish) patch.actualFinish = row.finish;
      if (p.percent < 100 && t.actualFinish) patch.actualFinish = null;
      if (p.percent === 0 && t.actualStart) patch.actualStart = null;
      return { patch };
    }
    case 'actualStart':
    case 'actualFinish': {
      if (!text) return { patch: { [key]: null } };
      const ms = parse(text);
      if (ms === null) return { error: 'Type a date as 2026-03-02.' };
      // a date alone, as in the plan file: the start of that day for an actual start, the end of it for an actual finish
      return { patch: { [key]: day(ms) } };
    }
    default: return { error: 'This cannot be changed here.' };
  }
}

/** MS Project's notation: 3, 3FS+2d, 4SS, 5FF-1d, 7SF; a task id may stand for the row number (notation.js). */
function parsePreds(text, t) {
  const resolve = (ref) => { const p = /^\d+$/.test(ref) ? state.tasks[Number(ref) - 1] : state.byId.get(ref); return p ? p.id : null; };
  const r = parsePredecessors(text, resolve, t.id, (part) => state.byId.has(part));
  return r.error ? r : { patch: { links: r.links } };
}

async function commitEdit() {
  const e = state.editing;
  if (!e || state.committing) return false;
  const text = editor.value;
  if (text === e.before) { endEdit(); return true; }
  const t = state.byId.get(e.id);
  const { patch, error } = patchFor(e.key, text, t);
  if (error) { showCellError(error); return false; }
  state.committing = true;
  const ok = await patchTask(e.id, patch, (msg) => showCellError(msg));
  state.committing = false;
  if (ok) endEdit();
  return ok;
}

function showCellError(msg) {
  editorError.textContent = msg;
  editorError.hidden = false;
  editor.setAttribute('aria-invalid', 'true');
  say(msg, true);
  editor.focus();
}

/** Sends a change of one task; on success reads back what the schedule changed. */
export function patchTask(id, patch, onError) { return busy(() => patchTaskNow(id, patch, onError)); }

async function patchTaskNow(id, patch, onError) {
  const before = currentRevision();
  const res = await call('PATCH', `/api/v1/plans/${planId}/tasks/${encodeURIComponent(id)}`, patch, { ifMatch: true, contentType: 'application/merge-patch+json' });
  if (!res.ok) {
    if (res.status === 409 || res.status === 404) {
      // someone else changed or deleted it: show the plan as it is now, and say what happened
      const message = res.status === 409 ? `Someone else changed this since you loaded it; the grid now shows their change. Make yours again if it still applies.`
        : problemText(res);
      await loadAllNow();
      (onError || ((m) => say(m, true)))(message);
      return false;
    }
    (onError || ((m) => say(m, true)))(problemText(res));
    return false;
  }
  const i = state.rowOf.get(id);
  state.tasks[i] = res.body;
  state.byId.set(id, res.body);
  const structural = 'parentId' in patch;
  if (!structural) setTasks(state.tasks);
  say(`Saved: ${res.body.name}.`);
  await refresh(structural, before);
  return true;
}

/** What the server said, with task ids put as the names and row numbers a user sees. */
export function problemText(res) {
  const list = fieldErrors(res).map(e => e.message).filter(Boolean);
  const head = explain(res);
  const text = list.length ? `${head} ${list.slice(0, 3).join(' ')}` : head;
  const named = (id) => { const t = state.byId.get(id); return t ? `'${t.name}' (row ${state.rowOf.get(id) + 1})` : null; };
  // ids the server quotes ('build'), and the steps of a chain (a -> b -> c)
  return text.replace(/'([^']+)'/g, (all, id) => named(id) || all)
    .replace(/(^|[\s:])([^\s'>]+)(?= -> )|(-> )([^\s;,'.]+)/g, (all, pre, a, arrow, b) => {
      if (a !== undefined) return pre + (named(a) || a);
      return arrow + (named(b) || b);
    });
}

// ------------------------------------------------------------------ rows: add, delete, indent, outdent

export function addTask() { return busy(() => addTaskNow(false)); }
function insertTask() { return busy(() => addTaskNow(true)); }

/** A new task: at the end of the current row's phase, or (Insert) in the current row's place, as in MS Project. */
async function addTaskNow(here) {
  if (!canEdit) return;
  const cur = state.tasks[state.active.r];
  let k = state.tasks.length + 1;
  while (state.byId.has('t' + k)) k++;
  const id = 't' + k;
  const body = { id, name: 'New task', duration: '1d' };
  if (cur && cur.parentId) body.parentId = cur.parentId;
  const where = here && cur ? `?before=${encodeURIComponent(cur.id)}` : '';
  const res = await call('POST', `/api/v1/plans/${planId}/tasks${where}`, body, { ifMatch: true });
  if (!res.ok) { say(problemText(res), true); return; }
  await loadAll();
  const r = state.rowOf.get(id);
  move(r, 1);
  grid.focus();
  startEdit();
}

export function deleteTask() { return busy(deleteTaskNow); }

async function deleteTaskNow() {
  if (!canEdit) return;
  const t = state.tasks[state.active.r];
  if (!t) return;
  const kids = state.hasKids.has(t.id);
  if (!confirm(`Delete '${t.name}'${kids ? ' and its subtasks' : ''}? Links to it go too.`)) return;
  const res = await call('DELETE', `/api/v1/plans/${planId}/tasks/${encodeURIComponent(t.id)}`, undefined, { ifMatch: true });
  if (!res.ok) { say(problemText(res), true); return; }
  say(`Deleted: ${t.name}.`);
  await loadAll();
  grid.focus();
}

export function indent() { return busy(indentNow); }

async function indentNow() {
  const r = state.active.r;
  const t = state.tasks[r];
  if (!canEdit || !t) return;
  let p = r - 1;
  while (p >= 0 && state.depth[p] > state.depth[r]) p--;
  if (p < 0 || state.depth[p] !== state.depth[r]) { say('There is no task above at the same level to indent under.'); return; }
  await patchTask(t.id, { parentId: state.tasks[p].id });
  move(state.rowOf.get(t.id), state.active.c);
}

export function outdent() { return busy(outdentNow); }

async function outdentNow() {
  const t = state.tasks[state.active.r];
  if (!canEdit || !t || !t.parentId) { say('This task is at the top level already.'); return; }
  const parent = state.byId.get(t.parentId);
  await patchTask(t.id, { parentId: parent && parent.parentId ? parent.parentId : null });
  move(state.rowOf.get(t.id), state.active.c);
}

/** Puts the grid's keyboard, mouse and editor in place: called by the page once its state and elements exist. */
export function installGrid() {
  grid.tabIndex = 0;
  grid.addEventListener('keydown', (ev) => {
    if (state.editing) {
      // a cell is being edited but the grid has the focus (it was moved while the page redrew): the keys still go to the cell
      editor.focus();
      if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
        editor.value += ev.key;
        ev.preventDefault();
      } else {
        editorKey(ev);
      }
      return;
    }
    const { r, c } = state.active;
    const page = Math.max(1, Math.floor((viewport.clientHeight - HEAD) / ROW) - 1);
    if (ev.altKey && ev.shiftKey && ev.key === 'ArrowRight') { ev.preventDefault(); indent(); return; }
    if (ev.altKey && ev.shiftKey && ev.key === 'ArrowLeft') { ev.preventDefault(); outdent(); return; }
    switch (ev.key) {
      case 'ArrowDown': move(r + 1, c); break;
      case 'ArrowUp': move(r - 1, c); break;
      case 'ArrowRight': move(r, c + 1); break;
      case 'ArrowLeft': move(r, c - 1); break;
      case 'PageDown': move(r + page, c); break;
      case 'PageUp': move(r - page, c); break;
      case 'Home': move(ev.ctrlKey ? 0 : r, ev.ctrlKey ? c : 0); break;
      case 'End': move(ev.ctrlKey ? state.tasks.length - 1 : r, ev.ctrlKey ? c : COLS.length - 1); break;
      case 'Tab':
        return; // Tab leaves the grid (the arrows move inside it); while a cell is edited, Tab saves it and goes to the next cell
      case 'Enter': case 'F2': startEdit(); break;
      case 'Insert': insertTask(); break;
      case 'Delete': deleteTask(); break;
      default:
        if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) { startEdit(ev.key); ev.preventDefault(); }
        return;
    }
    ev.preventDefault();
  });
  gridRows.addEventListener('mousedown', (ev) => {
    const cell = ev.target.closest('.gcell');
    const row = ev.target.closest('.grow');
    if (!cell || !row) return;
    ev.preventDefault();
    if (state.editing) commitEdit();
    move(Number(row.dataset.row), Number(cell.dataset.col));
    grid.focus();
  });
  gridRows.addEventListener('dblclick', () => startEdit());
  editor.className = 'cell-editor';
  editor.setAttribute('autocomplete', 'off');
  editorError.className = 'cell-error';
  editorError.setAttribute('role', 'alert');
  editorError.hidden = true;
  stage.append(editor, editorError);
  editor.hidden = true;
  editor.addEventListener('keydown', (ev) => editorKey(ev));
  editor.addEventListener('blur', () => {
    if (state.editing && !state.committing) {
      setTimeout(() => { if (state.editing && document.activeElement !== editor && document.activeElement !== grid) commitEdit(); }, 0);
    }
  });
}
