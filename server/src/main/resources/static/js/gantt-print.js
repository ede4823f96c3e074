// The Gantt chart on paper. The screen draws only the rows in view; on paper the whole plan is wanted.
// Before printing, the page gets the whole chart as SVG (the names, the bars over the whole span, month
// lines), which the print stylesheet shows in place of the interactive chart. Browsers do not split an SVG
// across pages (one taller than a page prints blank), so the chart is cut into blocks of rows that fit a
// page, each with its month scale. As on the screen, the part of a bar done is solid, the rest lighter, a tick
// follows what is finished, and the progress line (when shown) runs down the status date.
import { DAY, parse } from './notation.js';
import { MONTHS } from './gantt-draw.js';
import { doneShare, progressLine, progressPeak, progressPoint } from './progress.js';

const SVGNS = 'http://www.w3.org/2000/svg';
const PRINT_ROWS = 40;
/**
 * The whole chart as SVG for paper, after {@code root}: rows of {t (the task), depth, summary, s (its schedule row),
 * works (its calendar's working days)}; with a {@code statusDate} (milliseconds), the progress line at it.
 */
export function printGantt(root, all, { statusDate = null } = {}) {
  document.getElementById('print-gantt')?.remove();
  const rows = all.filter(r => r.s && r.s.start);
  if (!rows.length) return;
  const start = Math.min(...rows.map(r => parse(r.s.start)));
  const end = Math.max(...rows.map(r => parse(r.s.finish)));
  const W = 1000, NAME = 300, H = 14, TOP = 18;
  const scale = (W - NAME - 10) / Math.max(DAY, end - start);
  const box = document.createElement('figure');
  box.id = 'print-gantt';
  box.className = 'print-only';
  for (let from = 0; from < rows.length; from += PRINT_ROWS) {
    const block = rows.slice(from, from + PRINT_ROWS);
    const svg = document.createElementNS(SVGNS, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${TOP + block.length * H + 4}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `Gantt chart, tasks ${from + 1} to ${from + block.length} of ${rows.length}`);
    const add = (name, attrs, text) => {
      const e = document.createElementNS(SVGNS, name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    const first = new Date(start);
    for (let m = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1); m <= end; ) {
      const x = NAME + Math.max(0, m - start) * scale;
      const d = new Date(m);
      add('line', { x1: x, x2: x, y1: TOP - 4, y2: TOP + block.length * H, class: 'p-month' });
      add('text', { x: x + 2, y: 11, class: 'p-label' }, `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`);
      m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    const xAt = (ms) => NAME + (ms - start) * scale;
    const peaks = [];
    block.forEach(({ t, depth, summary, s, works }, k) => {
      const y = TOP + k * H;
      const summaryRow = summary;
      add('text', { x: 2 + depth * 8, y: y + 10, class: 'p-name' + (summaryRow ? ' p-sum' : '') }, t.name || t.id);
      const x1 = xAt(parse(s.start));
      const x2 = xAt(parse(s.finish));
      const share = doneShare(s);
      const crit = s.critical ? ' p-crit' : '';
      if (s.type === 'milestone') {
        add('path', { d: `M${x1} ${y + 2}l5 5l-5 5l-5 -5z`, class: 'p-ms' + crit });
      } else if (summaryRow) {
        add('rect', { x: x1, y: y + 4, width: Math.max(1.5, x2 - x1), height: 5, class: 'p-sumbar' + crit });
      } else {
        const w = Math.max(1.5, x2 - x1);
        add('rect', { x: x1, y: y + 2, width: w, height: 10, class: 'p-todo' + crit });
        const xd = share >= 1 ? x1 + w : share > 0 ? xAt(progressPoint(parse(s.start), parse(s.finish), share * 100, works)) : x1;
        if (xd > x1) add('rect', { x: x1, y: y + 2, width: xd - x1, height: 10, class: 'p-done' + crit });
      }
      if (share >= 1 || s.done) add('text', { x: Math.max(x1, x2) + (s.type === 'milestone' ? 7 : 2), y: y + 10, class: 'p-tick' }, '\u2713');
      const peak = statusDate === null || summaryRow ? null : progressPeak(s, statusDate, works, parse);
      peaks.push(peak && peak.state !== 'on' ? xAt(peak.at) : null);
    });
    if (statusDate !== null && statusDate >= start && statusDate <= end) {
      const sx = xAt(statusDate);
      add('line', { x1: sx, x2: sx, y1: TOP - 4, y2: TOP + block.length * H, class: 'p-status' });
      add('polyline', { points: progressLine(peaks, sx, TOP, H).map(p => p.join(',')).join(' '), class: 'p-progress' });
    }
    box.appendChild(svg);
  }
  const cap = document.createElement('figcaption');
  cap.textContent = `All ${rows.length} tasks; critical ones in red; the part done solid, a tick after finished ones`
    + (statusDate !== null ? '; the progress line at the status date bends left to work behind, right to work ahead.' : '.');
  box.appendChild(cap);
  root.after(box);
}
