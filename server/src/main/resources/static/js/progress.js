// Tracking on the Gantt chart, as pure functions (no page, no state): where on a bar the work done ends
// (the solid part of the bar, and the peak of the progress line), and MS Project's progress line at the
// status date, which bends left to that point when a task is behind and right when it is ahead. Node's test
// runner checks them (server/src/test/js/progress.test.mjs).
import { DAY } from './notation.js';

/**
 * The moment {@code percent} of a bar from {@code start} to {@code finish} (milliseconds) is done, counting
 * only the days {@code works(dayMs)} says are working days: 50 % of a bar from Thursday to the Wednesday
 * after is on the Monday, not on the weekend. A bar lying on no working day is counted in elapsed time.
 */
export function progressPoint(start, finish, percent, works = () => true) {
  const p = Math.max(0, Math.min(100, Number(percent) || 0)) / 100;
  if (!(finish > start) || p === 0) return start;
  if (p === 1) return finish;
  const spans = [];
  let total = 0;
  for (let d = Math.floor(start / DAY) * DAY; d < finish; d += DAY) {
    if (!works(d)) continue;
    const a = Math.max(start, d), b = Math.min(finish, d + DAY);
    if (b > a) { spans.push([a, b]); total += b - a; }
  }
  if (total === 0) return start + p * (finish - start);
  let left = p * total;
  for (const [a, b] of spans) {
    if (left <= b - a) return a + left;
    left -= b - a;
  }
  return finish;
}

/** The share of a schedule row's bar that is done, 0 to 1: all of a finished task, else its percent complete. */
export function doneShare(row) {
  if (!row) return 0;
  if (row.done || row.actualFinish) return 1;
  return Math.max(0, Math.min(100, Number(row.percentComplete) || 0)) / 100;
}

/**
 * Where the progress line goes on a schedule row ({start, finish, type, percentComplete, done}), as MS
 * Project draws it: null where it runs straight down the status date (summaries, finished tasks, tasks not
 * due to start yet), else {at, state}: the moment the work done reaches (the start of a task that should have
 * started and has not), 'behind' when it is before the status date, 'ahead' when after, 'on' within
 * {@code tolerance} ms of it (a third of a day: a task done up to the evening of the status date is on time).
 */
export function progressPeak(row, status, works = () => true, parse = Date.parse, tolerance = DAY / 3) {
  if (!row || status === null || status === undefined || row.type === 'summary') return null;
  const start = parse(row.start), finish = parse(row.finish);
  if (start === null || finish === null || Number.isNaN(start) || Number.isNaN(finish)) return null;
  const share = doneShare(row);
  if (share >= 1) return null;
  if (share === 0 && start >= status) return null;
  const at = progressPoint(start, finish, share * 100, works);
  const state = Math.abs(at - status) < tolerance ? 'on' : at < status ? 'behind' : 'ahead';
  return { at, state };
}

/**
 * The progress line's points ([x, y]) down rows {@code rowHeight} high from {@code top}: straight at
 * {@code statusX}, and for each row whose peak x is given (null: straight) a bend from the row's top edge to
 * the peak at its middle and back at its bottom edge.
 */
export function progressLine(peaks, statusX, top, rowHeight) {
  const pts = [[statusX, top]];
  peaks.forEach((x, k) => {
    if (x === null || x === undefined) return;
    const y = top + k * rowHeight;
    pts.push([statusX, y], [x, y + rowHeight / 2], [statusX, y + rowHeight]);
  });
  pts.push([statusX, top + peaks.length * rowHeight]);
  // points that repeat (a peak right under another) say nothing
  return pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
}
