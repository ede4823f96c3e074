package io.planwright.server.plans;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.schedule.CompactSchedule;
import io.planwright.formats.schedule.ScheduleDigest;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The plans' schedules, computed by core and kept by revision in this process, never stored: each
 * revision's schedule is computed once however many ask at once, its JSON written once, and the rows
 * of earlier revisions' schedules kept as digests to tell what an edit changed.
 */
@Component
class ScheduleCache {

    /** A schedule of one revision: computed by the first caller, waited for by the others; its JSON written once. */
    private record Scheduled(long revision, CompletableFuture<PlanSchedule> schedule, AtomicReference<CompactSchedule> json,
                             AtomicReference<ScheduleDigest> digest) {
        ScheduleDigest digestNow() {
            ScheduleDigest d = digest.get();
            if (d == null) {
                d = ScheduleDigest.of(join(schedule));
                digest.set(d);
            }
            return d;
        }

        CompactSchedule compact() {
            CompactSchedule c = json.get();
            if (c == null) {
                c = CompactSchedule.of(join(schedule), digestNow());
                json.set(c);
            }
            return c;
        }
    }

    /** The rows of a schedule this process computed before, to tell what an edit changed. */
    private record Earlier(long revision, ScheduleDigest digest) {
    }

    /** How many earlier revisions' schedules a plan keeps as digests (16 bytes a task each). */
    static final int REMEMBERED = 128;

    /** ... and at most this many rows in all (about 16 bytes each), so that a huge plan keeps fewer. */
    static final long REMEMBERED_ROWS = 2_000_000;

    private final Map<Long, Scheduled> schedules = new ConcurrentHashMap<>();
    private final Map<Long, Deque<Earlier>> earlier = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planwright-schedule-ahead");
        t.setDaemon(true);
        return t;
    });

    @jakarta.annotation.PreDestroy
    void stop() {
        ahead.shutdownNow();
    }

    /** Drops the plan's schedules (it was deleted). */
    void forget(long planId) {
        schedules.remove(planId);
        earlier.remove(planId);
    }

    /** The plan's schedule at the state's revision, computed once per revision however many ask at once. */
    PlanSchedule schedule(PlanState state) {
        return join(scheduled(state).schedule());
    }

    ScheduleDigest digest(PlanState state) {
        return scheduled(state).digestNow();
    }

    CompactSchedule compact(PlanState state) {
        return scheduled(state).compact();
    }

    /**
     * The rows of the schedule at an earlier revision, while this process still remembers them (the
     * last {@value #REMEMBERED} revisions it computed); empty otherwise, and the caller reads it all.
     */
    Optional<ScheduleDigest> digestAt(long planId, long revision) {
        Scheduled s = schedules.get(planId);
        if (s != null && s.revision() == revision && s.schedule().isDone() && !s.schedule().isCompletedExceptionally()) {
            return Optional.of(s.digestNow());
        }
        Deque<Earlier> kept = earlier.get(planId);
        if (kept != null) {
            synchronized (kept) {
                for (Earlier e : kept) {
                    if (e.revision() == revision) {
                        return Optional.of(e.digest());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Scheduled scheduled(PlanState state) {
        long planId = state.planId();
        while (true) {
            Scheduled known = schedules.get(planId);
            if (known != null && known.revision() == state.revision()) {
                return known;
            }
            Scheduled mine = new Scheduled(state.revision(), new CompletableFuture<>(), new AtomicReference<>(), new AtomicReference<>());
            if (known != null && known.revision() > state.revision()) {
                compute(mine, state); // an older state than the one cached: computed for this caller only
                return mine;
            }
            if (known == null ? schedules.putIfAbsent(planId, mine) == null : schedules.replace(planId, known, mine)) {
                compute(mine, state);
                if (known != null && known.schedule().isDone() && !known.schedule().isCompletedExceptionally()) {
                    Deque<Earlier> kept = earlier.computeIfAbsent(planId, k -> new ArrayDeque<>());
                    synchronized (kept) {
                        kept.addFirst(new Earlier(known.revision(), known.digestNow()));
                        long rows = 0;
                        for (Earlier e : kept) {
                            rows += e.digest().size();
                        }
                        while (kept.size() > REMEMBERED || kept.size() > 1 && rows > REMEMBERED_ROWS) {
                            rows -= kept.removeLast().digest().size();
                        }
                    }
                }
                return mine;
            }
        }
    }

    /**
     * Starts on the new revision's schedule and its JSON at once, on another thread: whoever changed the
     * plan asks for them next. Skipped when a newer revision came first ({@code stillCurrent} is false).
     */
    void precompute(PlanState state, BooleanSupplier stillCurrent) {
        ahead.execute(() -> {
            if (!stillCurrent.getAsBoolean()) {
                return;
            }
            try {
                scheduled(state).compact();
            } catch (RuntimeException e) {
                // the reader who asks gets the error
            }
        });
    }

    private void compute(Scheduled s, PlanState state) {
        try {
            s.schedule().complete(PlanScheduler.schedule(state.plan()));
        } catch (RuntimeException | Error e) {
            s.schedule().completeExceptionally(e);
            schedules.remove(state.planId(), s);
            throw e;
        }
    }

    private static PlanSchedule join(CompletableFuture<PlanSchedule> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
