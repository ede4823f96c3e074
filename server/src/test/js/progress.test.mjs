// progress.js: where the work done ends on a bar, and MS Project's progress line (`node --test`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as n from '../../main/resources/static/js/notation.js';
import * as p from '../../main/resources/static/js/progress.js';

const at = (s) => n.parse(s);
const weekdays = n.workingDays([], null);

test('the work done ends at its share of the bar, counted in working days', () => {
  // Monday 08:00 to Friday 17:00 (2026-03-09 to 2026-03-13): half of it is on Wednesday
  const half = p.progressPoint(at('2026-03-09T08:00'), at('2026-03-13T17:00'), 50, weekdays);
  assert.equal(n.day(half), '2026-03-11');
  assert.equal(p.progressPoint(at('2026-03-09T08:00'), at('2026-03-13T17:00'), 0, weekdays), at('2026-03-09T08:00'));
  assert.equal(p.progressPoint(at('2026-03-09T08:00'), at('2026-03-13T17:00'), 100, weekdays), at('2026-03-13T17:00'));
  // Thursday to the Wednesday after: the weekend holds none of the work, so half is on Monday
  const across = p.progressPoint(at('2026-03-12T00:00'), at('2026-03-19T00:00'), 50, weekdays);
  assert.equal(n.day(across), '2026-03-16');
  // without a calendar, elapsed time: half of Thursday to the Wednesday after is on Sunday
  assert.equal(n.day(p.progressPoint(at('2026-03-12T00:00'), at('2026-03-19T00:00'), 50)), '2026-03-15');
  // a bar on a weekend alone (elapsed days) is counted in elapsed time
  assert.equal(p.progressPoint(at('2026-03-14T00:00'), at('2026-03-16T00:00'), 50, weekdays), at('2026-03-15T00:00'));
  // out-of-range percents are held to the bar
  assert.equal(p.progressPoint(at('2026-03-09T00:00'), at('2026-03-10T00:00'), 140), at('2026-03-10T00:00'));
});

test('the share done of a schedule row', () => {
  assert.equal(p.doneShare({ percentComplete: 40 }), 0.4);
  assert.equal(p.doneShare({ percentComplete: 40, actualFinish: '2026-03-10T17:00' }), 1);
  assert.equal(p.doneShare({ percentComplete: 0, done: true }), 1, 'a summary whose tasks are all done');
  assert.equal(p.doneShare({}), 0);
  assert.equal(p.doneShare(undefined), 0);
});

test('the progress line bends left for work behind, right for work ahead, and runs straight past the rest', () => {
  const status = at('2026-03-13T17:00');
  const row = (start, finish, percentComplete, more = {}) => ({ start, finish, percentComplete, type: 'task', ...more });
  const peak = (r) => p.progressPeak(r, status, weekdays, n.parse);
  // Monday to the Friday after, 20 % done by the first Friday: should be 50 %, behind; two of ten days done,
  // the peak in the night after Tuesday
  const behind = peak(row('2026-03-09T08:00', '2026-03-20T17:00', 20));
  assert.equal(behind.state, 'behind');
  assert.ok(behind.at >= at('2026-03-10T17:00') && behind.at <= at('2026-03-11T08:00'), new Date(behind.at).toISOString());
  // 80 % done: ahead, the peak in the week after
  const ahead = peak(row('2026-03-09T08:00', '2026-03-20T17:00', 80));
  assert.equal(ahead.state, 'ahead');
  assert.equal(n.day(ahead.at), '2026-03-18');
  // a week's task done to the status date: on time
  assert.equal(peak(row('2026-03-09T08:00', '2026-03-13T17:00', 99.9)).state, 'on');
  // should have started and has not: the peak at its start
  const late = peak(row('2026-03-11T08:00', '2026-03-17T17:00', 0));
  assert.equal(late.state, 'behind');
  assert.equal(late.at, at('2026-03-11T08:00'));
  // a milestone due before the status date and not reached
  assert.equal(peak(row('2026-03-12T17:00', '2026-03-12T17:00', 0, { type: 'milestone' })).state, 'behind');
  // straight: finished, not due yet, summaries, rows without dates, no status date
  assert.equal(peak(row('2026-03-02T08:00', '2026-03-06T17:00', 100)), null);
  assert.equal(peak(row('2026-03-02T08:00', '2026-03-06T17:00', 60, { actualFinish: '2026-03-06T17:00' })), null);
  assert.equal(peak(row('2026-03-16T08:00', '2026-03-20T17:00', 0)), null);
  assert.equal(peak(row('2026-03-09T08:00', '2026-03-20T17:00', 20, { type: 'summary' })), null);
  assert.equal(peak(row(undefined, undefined, 20)), null);
  assert.equal(p.progressPeak(row('2026-03-09T08:00', '2026-03-20T17:00', 20), null, weekdays, n.parse), null);
  // started early, ahead of a start after the status date
  assert.equal(peak(row('2026-03-16T08:00', '2026-03-20T17:00', 20)).state, 'ahead');
});

test('the progress line runs down the status date and bends to each peak in its row', () => {
  assert.deepEqual(p.progressLine([null, null], 100, 0, 24), [[100, 0], [100, 48]]);
  assert.deepEqual(p.progressLine([null, 60, null, 130], 100, 10, 24), [
    [100, 10], [100, 34], [60, 46], [100, 58], [100, 82], [130, 94], [100, 106], [100, 106]].filter((q, i, a) => i === 0 || q[0] !== a[i - 1][0] || q[1] !== a[i - 1][1]));
  // a peak in the first row bends from the top edge
  assert.deepEqual(p.progressLine([70], 100, 0, 24), [[100, 0], [70, 12], [100, 24]]);
});
