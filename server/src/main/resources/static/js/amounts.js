// How the pages' scripts write money, quantities, percentages and working days: the same rules as the
// core's io.planwright.core.format.Amounts, which the server-rendered pages and the CLI use.
const grouped = (x, decimals) => new Intl.NumberFormat('en', { maximumFractionDigits: decimals, useGrouping: true })
  .format(Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x);

/** Whole units of the currency: 51666.67 → "51,667 EUR". */
export const money = (x, currency) => `${grouped(x, 0)}${currency ? ' ' + currency : ''}`;
/** A fraction as a percentage with at most one decimal: 0.125 → "12.5 %". */
export const percent = x => `${grouped(x * 100, 1)} %`;
/** Working days with at most one decimal: 36.625 → "36.6 days", 1 → "1 day". */
export const days = x => { const n = grouped(x, 1); return `${n} ${n === '1' || n === '-1' ? 'day' : 'days'}`; };
/** A number as entered, at most two decimals: 20000 → "20,000". */
export const number = x => grouped(x, 2);
