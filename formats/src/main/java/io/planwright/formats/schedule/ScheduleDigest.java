package io.planwright.formats.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.util.HashMap;
import java.util.Map;

/**
 * A small fingerprint of a schedule: each row's id and a 64-bit hash of all its fields (progress and cost included), about 16 bytes a
 * task instead of the rows themselves, so that a server can remember many revisions and tell which rows
 * an edit changed.
 */
public final class ScheduleDigest {

    private final String[] ids;
    private final long[] prints;

    private ScheduleDigest(String[] ids, long[] prints) {
        this.ids = ids;
        this.prints = prints;
    }

    public static ScheduleDigest of(PlanSchedule s) {
        int n = s.tasks().size();
        String[] ids = new String[n];
        long[] prints = new long[n];
        // the progress, baseline and cost columns too: a row whose percent complete alone changed is a changed row
        ScheduleProgress progress = ScheduleProgress.of(s);
        for (int i = 0; i < n; i++) {
            ScheduledTask t = s.tasks().get(i);
            ids[i] = t.id();
            prints[i] = print(progress.row(i), print(t));
        }
        return new ScheduleDigest(ids, prints);
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public long print(int i) {
        return prints[i];
    }

    /** Where each id is: built afresh on each call, for the caller to keep as long as it needs. */
    public Map<String, Integer> positions() {
        Map<String, Integer> m = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            m.put(ids[i], i);
        }
        return m;
    }

    /** Every field of the row, mixed into 64 bits (texts character by character, times to the minute). */
    static long print(ScheduledTask t) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, text(t.id()));
        h = mix(h, text(t.wbs()));
        h = mix(h, text(t.name()));
        h = mix(h, t.type().ordinal());
        h = mix(h, t.durationMinutes());
        h = mix(h, t.elapsed() ? 1 : 0);
        h = mix(h, minute(t.start()));
        h = mix(h, minute(t.finish()));
        h = mix(h, minute(t.earlyStart()));
        h = mix(h, minute(t.earlyFinish()));
        h = mix(h, minute(t.lateStart()));
        h = mix(h, minute(t.lateFinish()));
        h = mix(h, t.totalFloatMinutes());
        h = mix(h, t.freeFloatMinutes());
        h = mix(h, t.critical() ? 1 : 0);
        h = mix(h, text(t.drivingPredecessor()));
        h = mix(h, text(t.driver()));
        h = mix(h, t.done() ? 1 : 0);
        return h;
    }

    /** A row's progress, baseline, work and cost mixed into {@code h}. */
    static long print(ScheduleProgress.Row p, long h) {
        h = mix(h, Double.doubleToLongBits(p.percentComplete()));
        h = mix(h, minute(p.actualStart()));
        h = mix(h, minute(p.actualFinish()));
        h = mix(h, minute(p.baselineStart()));
        h = mix(h, minute(p.baselineFinish()));
        h = mix(h, p.finishVarianceMinutes() == null ? Long.MIN_VALUE : p.finishVarianceMinutes());
        h = mix(h, Double.doubleToLongBits(p.workHours()));
        h = mix(h, Double.doubleToLongBits(p.cost()));
        return mix(h, Double.doubleToLongBits(p.actualCost()));
    }

    private static long text(String s) {
        if (s == null) {
            return 0x5bd1e995L;
        }
        long h = 0xcbf29ce484222325L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h, s.length());
    }

    private static long minute(java.time.LocalDateTime t) {
        return t == null ? Long.MIN_VALUE : t.toEpochSecond(java.time.ZoneOffset.UTC) / 60;
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 29);
    }
}
