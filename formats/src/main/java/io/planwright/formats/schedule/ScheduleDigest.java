package io.planwright.formats.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A small fingerprint of a schedule: each row's id and a 64-bit hash of all its fields, about 16 bytes a
 * task instead of the rows themselves, so that a server can remember many revisions and tell which rows
 * an edit changed.
 */
public final class ScheduleDigest {

    private final String[] ids;
    private final long[] prints;
    private volatile Map<String, Integer> index;

    private ScheduleDigest(String[] ids, long[] prints) {
        this.ids = ids;
        this.prints = prints;
    }

    public static ScheduleDigest of(PlanSchedule s) {
        int n = s.tasks().size();
        String[] ids = new String[n];
        long[] prints = new long[n];
        for (int i = 0; i < n; i++) {
            ScheduledTask t = s.tasks().get(i);
            ids[i] = t.id();
            prints[i] = print(t);
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

    /** Whether this digest holds a row with this id and print (looked for at position {@code i} first). */
    public boolean holds(int i, String id, long print) {
        if (i < ids.length && ids[i].equals(id)) {
            return prints[i] == print;
        }
        Integer at = index().get(id);
        return at != null && prints[at] == print;
    }

    public boolean contains(String id) {
        return index().containsKey(id);
    }

    private Map<String, Integer> index() {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                m.put(ids[i], i);
            }
            index = m;
        }
        return m;
    }

    /** Every field of the row, mixed into 64 bits. */
    static long print(ScheduledTask t) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, t.id().hashCode());
        h = mix(h, Objects.hashCode(t.wbs()));
        h = mix(h, Objects.hashCode(t.name()));
        h = mix(h, t.type().ordinal());
        h = mix(h, t.durationMinutes());
        h = mix(h, t.elapsed() ? 1 : 0);
        h = mix(h, Objects.hashCode(t.start()));
        h = mix(h, Objects.hashCode(t.finish()));
        h = mix(h, Objects.hashCode(t.earlyStart()));
        h = mix(h, Objects.hashCode(t.earlyFinish()));
        h = mix(h, Objects.hashCode(t.lateStart()));
        h = mix(h, Objects.hashCode(t.lateFinish()));
        h = mix(h, t.totalFloatMinutes());
        h = mix(h, t.freeFloatMinutes());
        h = mix(h, t.critical() ? 1 : 0);
        h = mix(h, Objects.hashCode(t.drivingPredecessor()));
        h = mix(h, Objects.hashCode(t.driver()));
        return h;
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        return x ^ (x >>> 29);
    }
}
