// notation.js against the cases the Java parsers are held to as well (NotationCasesTest): `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as n from '../../main/resources/static/js/notation.js';

const cases = JSON.parse(readFileSync(fileURLToPath(new URL('../resources/notation-cases.json', import.meta.url)), 'utf8'));

test('durations read as core reads them', () => {
  for (const c of cases.durations) {
    const r = n.parseDuration(c.text);
    if (c.error) assert.ok(r.error, `'${c.text}' is refused`);
    else if (c.milestone) assert.deepEqual(r, { milestone: true, duration: '0d' }, c.text);
    else assert.deepEqual(r, { duration: c.duration }, c.text);
  }
});

test('predecessors in MS Project notation read as the task tables read them', () => {
  const resolve = (ref) => (/^\d+$/.test(ref) && +ref >= 1 && +ref <= 5 ? `t${ref}` : null);
  for (const c of cases.predecessors) {
    const r = n.parsePredecessors(c.text, resolve, 't5');
    if (c.error) assert.ok(r.error, `'${c.text}' is refused`);
    else assert.deepEqual(r.links, c.links.map(l => ({ predecessorId: `t${l.row}`, type: l.type, lag: l.lag })), c.text);
  }
});

test('a predecessor written back reads as the same link', () => {
  const rows = new Map([['t3', 2], ['t4', 3]]);
  const text = n.predecessorText([{ predecessorId: 't3', type: 'FS', lag: '2d' }, { predecessorId: 't4', type: 'SS', lag: '0d' }], id => rows.get(id));
  assert.equal(text, '3FS+2d, 4SS');
  assert.deepEqual(n.parsePredecessors(text, r => `t${r}`, 't5').links,
    [{ predecessorId: 't3', type: 'FS', lag: '2d' }, { predecessorId: 't4', type: 'SS', lag: '0d' }]);
});

test('a finish given as a date alone is the end of that day', () => {
  for (const c of cases.finishes) {
    const ms = n.parseFinish(c.text);
    assert.equal(new Date(ms).toISOString().slice(0, 16), c.moment, c.text);
    assert.equal(n.finishDay(ms), c.day, c.text);
  }
});

test('working days count the plan calendar, holidays and base calendars included', () => {
  for (const c of cases.workingDays) {
    const works = n.workingDays(cases.calendars, c.calendar);
    assert.equal(n.workingDaysBetween(n.parse(c.from), n.parse(c.to), works), c.days, `${c.calendar} ${c.from} to ${c.to}`);
  }
  // without calendars: Monday to Friday
  assert.equal(n.workingDaysBetween(n.parse('2026-03-30'), n.parse('2026-04-10')), 9);
});

test('a finish variance reads as signed working days', () => {
  assert.equal(n.formatVariance(16, 8), '+2d');
  assert.equal(n.formatVariance(-8, 8), '\u22121d');
  assert.equal(n.formatVariance(-4, 8), '\u22120.5d');
  assert.equal(n.formatVariance(15, 7.5), '+2d', 'days of the plan\'s working day');
  assert.equal(n.formatVariance(0, 8), '0d');
  assert.equal(n.formatVariance(0.2, 8), '0d', 'less than a twentieth of a day is on time');
  assert.equal(n.formatVariance(12), '+1.5d', 'eight-hour days without one given');
  assert.equal(n.formatVariance(undefined, 8), '', 'no baseline, nothing to compare');
  assert.equal(n.formatVariance(null, 8), '');
});

test('percent complete typed in the grid', () => {
  assert.deepEqual(n.parsePercent('40'), { percent: 40 });
  assert.deepEqual(n.parsePercent('40%'), { percent: 40 });
  assert.deepEqual(n.parsePercent(' 12,5 % '), { percent: 12.5 });
  assert.deepEqual(n.parsePercent('100'), { percent: 100 });
  assert.deepEqual(n.parsePercent('0'), { percent: 0 });
  for (const bad of ['', '101', '-5', 'half', '40%%']) assert.ok(n.parsePercent(bad).error, `'${bad}' is refused`);
  assert.equal(n.percentText(40), '40%');
  assert.equal(n.percentText(33.333), '33.3%');
  assert.equal(n.percentText(undefined), '0%');
});
