package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;

/**
 * The time line the engine computes on. Either clock minutes with calendar arithmetic
 * ({@link Clock}), or, for networks on one calendar without elapsed durations or fixed dates,
 * working-minute ordinals ({@link Ordinal}), where calendar arithmetic becomes integer arithmetic
 * and dates are converted once at the end.
 *
 * <p>Both offer the same three operations: the working-minute ordinal of a value, the value at which
 * working minute {@code w} starts, and the value at which working minute {@code w - 1} ends.
 */
abstract class TimeAxis {

    abstract long ordinal(long t);

    abstract long startOf(long w);

    abstract long finishOf(long w);

    /** {@code t} plus {@code minutes} of work: a positive amount ends at a finish, a negative one at a start. */
    final long addWork(long t, long minutes) {
        if (minutes == 0) {
            return t;
        }
        long w = ordinal(t) + minutes;
        return minutes > 0 ? finishOf(w) : startOf(w);
    }

    /** {@code t}, or the start of the next working period if it is not in working time. */
    final long nextWorkStart(long t) {
        return startOf(ordinal(t));
    }

    /** {@code t}, or the end of the previous working period if it is not in working time. */
    final long previousWorkFinish(long t) {
        return finishOf(ordinal(t));
    }

    /** Calendar arithmetic on clock minutes. */
    static final class Clock extends TimeAxis {
        final WorkingTime time;

        Clock(WorkingTime time) {
            this.time = time;
        }

        @Override
        long ordinal(long t) {
            return time.ordinal(t);
        }

        @Override
        long startOf(long w) {
            return time.startOf(w);
        }

        @Override
        long finishOf(long w) {
            return time.finishOf(w);
        }
    }

    /**
     * Values are {@code 4w + k}: {@code k = 0} is the end of working minute {@code w - 1} (a finish,
     * such as Friday 17:00), {@code k = 2} the start of working minute {@code w} (Monday 08:00), and
     * {@code k = 1} a time in between (non-working time). The encoding keeps the order of clock time,
     * so comparisons need no calendar.
     */
    static final class Ordinal extends TimeAxis {
        final WorkingTime time;

        Ordinal(WorkingTime time) {
            this.time = time;
        }

        @Override
        long ordinal(long v) {
            return v >> 2;
        }

        @Override
        long startOf(long w) {
            return (w << 2) + 2;
        }

        @Override
        long finishOf(long w) {
            return w << 2;
        }

        long encode(long clock) {
            long w = time.ordinal(clock);
            if (clock == time.startOf(w)) {
                return (w << 2) + 2;
            }
            return clock == time.finishOf(w) ? w << 2 : (w << 2) + 1;
        }

        long decode(long v) {
            long w = v >> 2;
            int k = (int) (v & 3);
            if (k == 2) {
                return time.startOf(w);
            }
            if (k == 0) {
                return time.finishOf(w);
            }
            throw new IllegalStateException("an unnormalised time reached the result");
        }
    }
}
