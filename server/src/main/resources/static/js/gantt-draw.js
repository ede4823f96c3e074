// Drawing the Gantt chart's parts on a canvas, without the page's state: the time scale (its units for a
// zoom, where each period starts, its labels) and the links between bars in MS Project's routing.
import { DAY } from './notation.js';

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The two rows of the time scale for a zoom of {@code px} pixels a day. */
export function unitsFor(px) {
  return px >= 20 ? ['month', 'day'] : px >= 5 ? ['month', 'week'] : px >= 1.5 ? ['year', 'month'] : ['year', 'quarter'];
}

/** The start of the period of {@code unit} that holds {@code ms} (weeks start on Monday). */
export function floorTo(ms, unit) {
  const d = new Date(ms);
  const y = d.getUTCFullYear(), m = d.getUTCMonth();
  switch (unit) {
    case 'day': return Math.floor(ms / DAY) * DAY;
    case 'week': { const t = Math.floor(ms / DAY) * DAY; const wd = (new Date(t).getUTCDay() + 6) % 7; return t - wd * DAY; }
    case 'month': return Date.UTC(y, m, 1);
    case 'quarter': return Date.UTC(y, m - m % 3, 1);
    default: return Date.UTC(y, 0, 1);
  }
}

/** The start of the next period of {@code unit}. */
export function next(ms, unit) {
  const d = new Date(ms);
  const y = d.getUTCFullYear(), m = d.getUTCMonth();
  switch (unit) {
    case 'day': return ms + DAY;
    case 'week': return ms + 7 * DAY;
    case 'month': return Date.UTC(y, m + 1, 1);
    case 'quarter': return Date.UTC(y, m + 3, 1);
    default: return Date.UTC(y + 1, 0, 1);
  }
}

/** A period's label for the room it has (empty when there is none). */
export function labelOf(ms, unit, width) {
  const d = new Date(ms);
  switch (unit) {
    case 'day': return width >= 14 ? String(d.getUTCDate()) : '';
    case 'week': return width >= 30 ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` : width >= 14 ? String(d.getUTCDate()) : '';
    case 'month': return width >= 50 ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : width >= 22 ? MONTHS[d.getUTCMonth()] : '';
    case 'quarter': return width >= 18 ? `Q${Math.floor(d.getUTCMonth() / 3) + 1}` : '';
    default: return width >= 30 ? String(d.getUTCFullYear()) : '';
  }
}

/** The time scale from x0 to x1: two rows of 20 px, ticks and labels; msOf and xOf convert between pixels and time. */
export function drawScale(ctx, x0, x1, msOf, xOf, units, colours) {
  const from = msOf(x0), to = msOf(x1);
  ctx.font = '11px system-ui, sans-serif';
  ctx.strokeStyle = colours.tick; ctx.lineWidth = 1; ctx.fillStyle = colours.text;
  units.forEach((unit, k) => {
    const y = k * 20;
    ctx.beginPath();
    for (let t = floorTo(from, unit); t < to; t = next(t, unit)) {
      const x = Math.round(xOf(t)) + 0.5, xn = xOf(next(t, unit));
      ctx.moveTo(x, y); ctx.lineTo(x, y + 20);
      const label = labelOf(t, unit, xn - x);
      if (label) ctx.fillText(label, x + 3, y + 14);
    }
    ctx.moveTo(x0, y + 19.5); ctx.lineTo(x1, y + 19.5);
    ctx.stroke();
  });
}

/** The points of a link's path from bar a to bar b ({x1, x2, y}) of a type, rows {@code row} px high, and the arrow's tip. */
export function linkPoints(a, b, type, row) {
  const ya = a.y + 12, yb = b.y + 12;
  const ax = type === 'SS' || type === 'SF' ? a.x1 : a.x2;
  const bx = type === 'FF' || type === 'SF' ? b.x2 : b.x1;
  const outRight = !(type === 'SS' || type === 'SF');
  const inLeft = type === 'FS' || type === 'SS';
  const ex = outRight ? ax + 6 : ax - 6;
  const pts = [[ax, ya]];
  if (inLeft && ((outRight && bx >= ex + 4) || (!outRight && bx >= ex))) pts.push([Math.min(ex, bx - 4), ya], [Math.min(ex, bx - 4), yb]);
  else if (!inLeft && bx + 6 <= ex) pts.push([ex, ya], [ex, yb]);
  else {
    const mid = yb > ya ? b.y : b.y + row;
    const ix = inLeft ? bx - 8 : bx + 8;
    pts.push([ex, ya], [ex, mid], [ix, mid], [ix, yb]);
  }
  const tip = inLeft ? bx - 1 : bx + 1;
  pts.push([tip, yb]);
  return { pts, tip, yb, inLeft };
}

/** A link drawn with its arrow. */
export function drawLink(ctx, a, b, type, row) {
  const { pts, tip, yb, inLeft } = linkPoints(a, b, type, row);
  ctx.beginPath();
  ctx.moveTo(Math.round(pts[0][0]) + 0.5, Math.round(pts[0][1]) + 0.5);
  for (let k = 1; k < pts.length; k++) ctx.lineTo(Math.round(pts[k][0]) + 0.5, Math.round(pts[k][1]) + 0.5);
  ctx.stroke();
  const dir = inLeft ? 1 : -1;
  ctx.beginPath(); ctx.moveTo(tip, yb); ctx.lineTo(tip - 6 * dir, yb - 3.5); ctx.lineTo(tip - 6 * dir, yb + 3.5); ctx.closePath(); ctx.fill();
}
