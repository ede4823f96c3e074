// The grid's notation, as pure functions (no page, no state): dates with the plan file's end-of-day rule,
// durations, predecessors in MS Project's notation (3FS+2d), working days on a plan's calendar. Node's test
// runner checks them (server/src/test/js) against the same cases as the Java parsers of the same notation
// (server/src/test/resources/notation-cases.json), so that the two cannot drift apart.

export const DAY = 86400000;

/** A date or date-time as the API writes it (2026-03-02, 2026-03-02T08:00) to milliseconds, UTC as a clock; null if it is none. */
export function parse(s) {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(s);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0)) : null;
}

const pad = (n) => String(n).padStart(2, '0');

/** The day of a moment: 2026-03-02. */
export function day(ms) { const d = new Date(ms); return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; }

/** The day of a finish: 00:00 is the end of the day before (work up to midnight), never the next day (core's Moments rule). */
export function finishDay(ms) { return day(ms % DAY === 0 ? ms - 1 : ms); }

/** A finish as the API writes it: a date alone is that day's end (00:00 of the next day), as in plan files. */
export function parseFinish(s) { return s && s.length === 10 ? parse(s) + DAY : parse(s); }

/** The start of a moment's day as the API reads a date-time. */
export function stamp(ms) { return day(ms) + 'T00:00:00'; }

const UNITS = {
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', dy: 'd', dys: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  mo: 'mo', mon: 'mo', mons: 'mo', month: 'mo', months: 'mo',
};

/** A number as core's Duration writes it: 5, 1.5 (no trailing zeros). */
function amountText(x) { return String(Number(x.toFixed(10))); }

/**
 * A duration typed in the grid (5d, 3 h, 1,5w, 2ed, 4 days; a bare number is days) in core's canonical
 * notation ({duration: '5d'}), {milestone: true} for a zero, or {error}.
 */
export function parseDuration(text) {
  const m = /^(\d+(?:[.,]\d+)?)\s*(e?)\s*([a-z]*)\??$/i.exec(String(text).trim());
  const unit = m ? UNITS[(m[3] || 'd').toLowerCase()] : undefined;
  if (!m || !unit || (m[2] && !m[3])) return { error: 'Type a duration such as 5d, 3h, 2w or 1mo.' };
  const amount = Number(m[1].replace(',', '.'));
  if (amount === 0) return { milestone: true, duration: '0d' };
  return { duration: amountText(amount) + (m[2] ? 'e' : '') + unit };
}

/** Working hours as days of the plan's working day, one decimal: 12 hours of 8-hour days is 1.5d. */
export function formatDays(hours, hoursPerDay) { const d = Number(hours) / hoursPerDay; return (Math.round(d * 10) / 10) + 'd'; }

/**
 * A finish variance in working hours as working days of {@code hoursPerDay}, signed as MS Project's Finish
 * Variance is (later is positive): 16 hours of 8-hour days is "+2d", -4 hours "−0.5d", nothing "0d"; empty
 * where there is no baseline.
 */
export function formatVariance(hours, hoursPerDay = 8) {
  if (hours === null || hours === undefined || hours === '' || Number.isNaN(Number(hours))) return '';
  const d = Math.round(Number(hours) / (hoursPerDay || 8) * 10) / 10;
  return d === 0 ? '0d' : (d > 0 ? '+' : '\u2212') + Math.abs(d) + 'd';
}

/** Percent complete typed in the grid (50, 50%, 12.5 %, 12,5): {percent} from 0 to 100, or {error}. */
export function parsePercent(text) {
  const m = /^(\d+(?:[.,]\d+)?)\s*%?$/.exec(String(text).trim());
  const value = m ? Number(m[1].replace(',', '.')) : NaN;
  if (!m || value > 100) return { error: 'Type the percent complete as a number from 0 to 100, such as 40 or 40%.' };
  return { percent: value };
}

/** Percent complete as the grid shows it: 40%, 12.5%. */
export function percentText(percent) { return `${Math.round((Number(percent) || 0) * 10) / 10}%`; }

/** Predecessors in MS Project's notation: row number (or id), the type when not FS or with a lag, the lag when not zero (3, 4SS, 3FS+2d). */
export function predecessorText(links, rowOf) {
  return (links || []).map(l => {
    const row = rowOf(l.predecessorId);
    const ref = row === undefined || row === null ? l.predecessorId : String(row + 1);
    const lag = l.lag && !/^[+-]?0(\.0+)?[a-z]*$/i.test(l.lag) ? (l.lag.startsWith('-') ? l.lag : '+' + l.lag) : '';
    const type = (l.type || 'FS') === 'FS' && !lag ? '' : (l.type || 'FS');
    return ref + type + lag;
  }).join(', ');
}

/**
 * Predecessors typed in MS Project's notation: 3, 3FS+2d, 4SS, 5FF-1d, 7SF, 3SS+50%; a task id may stand
 * for the row number. {@code resolve(ref)} gives the task's id for a row number ('3') or an id, or null;
 * {@code isId(text)} says whether a text is a task's id as it is. {links} or {error}.
 */
export function parsePredecessors(text, resolve, selfId, isId = () => false) {
  if (!text || !text.trim()) return { links: [] };
  const links = [];
  for (const part of text.split(/[,;]/).map(s => s.trim()).filter(Boolean)) {
    if (isId(part) && !/^\d+$/.test(part)) {
      // a task id as it is (an id such as 'staff' is not 'sta' with a start-to-finish link)
      if (part === selfId) return { error: 'A task cannot be its own predecessor.' };
      links.push({ predecessorId: part, type: 'FS', lag: '0d' });
      continue;
    }
    const m = /^(\d+|[A-Za-z_][\w.-]*?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+(?:\.\d+)?)\s*(e?[a-z]*|%))?$/i.exec(part);
    if (!m) return { error: `Cannot read '${part}': write the row number, the link type when not FS, and a lag, such as 3FS+2d or 4SS.` };
    const pred = resolve(m[1]);
    if (!pred) return { error: `'${m[1]}' is not a row of this plan.` };
    if (pred === selfId) return { error: 'A task cannot be its own predecessor.' };
    let lag = '0d';
    if (m[3]) {
      const unit = (m[5] || 'd').toLowerCase();
      const d = unit === '%' ? { duration: amountText(Number(m[4])) + '%' } : parseDuration(m[4] + unit);
      if (d.error) return { error: `The lag of '${part}' is not a duration (such as 2d, 4h or 50%).` };
      lag = (m[3] === '-' ? '-' : '') + d.duration;
    }
    links.push({ predecessorId: pred, type: (m[2] || 'FS').toUpperCase(), lag });
  }
  return { links };
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/**
 * Which days a calendar of the plan works, as the API gives calendars ({id, baseId, week: {MONDAY: [...]},
 * exceptions: [{from, to, hours}]}): its own week and exceptions first, then its base calendar's; a day with
 * no rule anywhere works Monday to Friday (the standard week). Returns works(dayMs).
 */
export function workingDays(calendars, id) {
  const byId = new Map((calendars || []).map(c => [c.id, c]));
  const chain = [];
  for (let c = byId.get(id); c && !chain.includes(c); c = c.baseId ? byId.get(c.baseId) : undefined) chain.push(c);
  return (ms) => {
    const d = day(ms);
    for (const c of chain) {
      for (const e of c.exceptions || []) {
        if (e.from <= d && d <= (e.to || e.from)) return (e.hours || []).length > 0;
      }
    }
    const w = WEEKDAYS[new Date(ms).getUTCDay()];
    for (const c of chain) {
      if (c.week && c.week[w] !== undefined) return (c.week[w] || []).length > 0;
    }
    return w !== 'SATURDAY' && w !== 'SUNDAY';
  };
}

/** Working days from day {@code a} up to day {@code b} (not included), on a calendar's works(dayMs); Monday to Friday without one. */
export function workingDaysBetween(a, b, works = workingDays([], null)) {
  let n = 0;
  for (let t = a; t < b; t += DAY) if (works(t)) n++;
  return n;
}
