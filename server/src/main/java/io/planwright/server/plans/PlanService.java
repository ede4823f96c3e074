package io.planwright.server.plans;

import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.schedule.CompactSchedule;
import io.planwright.formats.schedule.ScheduleDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * Reading and changing plans. A plan is read at its current revision (asked of the database every
 * time, so that several server processes agree) and kept in memory by revision; a change is applied
 * to the model in memory, checked, and written as the rows it changes, or refused: with the plan's
 * new errors (422) or because the plan has moved on since the revision it was based on (409).
 * Schedules are computed by core and kept by revision, never stored.
 */
@Service
public class PlanService {

    /** A change would give the plan errors; nothing was written. */
    public static final class PlanProblems extends RuntimeException {
        private final List<Problem> problems;

        public PlanProblems(List<Problem> problems) {
            super(problems.size() + " problems", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** No such plan, or not one the caller may see. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String what) {
            super(what, null, false, false);
        }
    }

    private final PlanStore store;
    private final ItemCodec codec;
    private final Map<Long, PlanState> latest = new ConcurrentHashMap<>();
    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();
    private final Map<Long, Scheduled> schedules = new ConcurrentHashMap<>();

    private record Checked(long revision, List<Problem> errors) {
    }

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

    private final Map<Long, Deque<Earlier>> earlier = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> editing = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService ahead = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "planwright-schedule-ahead");
        t.setDaemon(true);
        return t;
    });

    private final int maxTasks;
    private final int maxItems;

    public PlanService(PlanStore store, ItemCodec codec, @Value("${planwright.max-tasks:200000}") int maxTasks,
                       @Value("${planwright.max-items:2000000}") int maxItems) {
        this.store = store;
        this.codec = codec;
        this.maxTasks = maxTasks;
        this.maxItems = maxItems;
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        ahead.shutdownNow();
    }

    /** Drops what this process keeps of a plan (it was deleted). */
    public void forget(long planId) {
        latest.remove(planId);
        checked.remove(planId);
        schedules.remove(planId);
        earlier.remove(planId);
        editing.remove(planId);
    }

    /** The plan as it is now. */
    public PlanState current(long planId) {
        long revision = store.revision(planId).orElseThrow(() -> new NotFound("plan " + planId));
        PlanState known = latest.get(planId);
        if (known != null && known.revision() == revision) {
            return known;
        }
        PlanState loaded = store.load(planId).orElseThrow(() -> new NotFound("plan " + planId));
        latest.merge(planId, loaded, (a, b) -> a.revision() >= b.revision() ? a : b);
        return loaded;
    }

    /** The plan's schedule at its current revision, computed once per revision however many ask at once. */
    public PlanSchedule schedule(PlanState state) {
        return join(scheduled(state).schedule());
    }

    /** The digest of the plan's schedule now. */
    public ScheduleDigest digest(PlanState state) {
        return scheduled(state).digestNow();
    }

    /** The schedule's JSON written once per revision, to answer "all of it" and "what changed since". */
    public CompactSchedule compactSchedule(PlanState state) {
        return scheduled(state).compact();
    }

    /**
     * The rows of the schedule at an earlier revision, while this process still remembers them (the
     * last {@value #REMEMBERED} revisions it computed); empty otherwise, and the caller reads it all.
     */
    public Optional<ScheduleDigest> digestAt(long planId, long revision) {
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
     * plan asks for them next. Skipped when a newer revision came first.
     */
    private void precompute(PlanState state) {
        ahead.execute(() -> {
            PlanState now = latest.get(state.planId());
            if (now == null || now.revision() != state.revision()) {
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

    /** All problems of the plan, the schedule's warnings included. */
    public List<Problem> problems(PlanState state) {
        return PlanChecker.check(state.plan());
    }

    /** A new plan, owned by the user; refused with its errors if it has any. */
    public long create(Plan plan, long ownerId, String action) {
        List<Problem> errors = new ArrayList<>(sizeProblems(plan));
        errors.addAll(errors(PlanChecker.checkStructure(plan)));
        List<ItemCodec.Item> items = codec.items(plan);
        List<ItemChange> rows = items.stream().map(i -> new ItemChange(i.kind(), i.itemId(), null, null, i.position(), i.data())).toList();
        errors.addAll(newEntryProblems(rows));
        errors.addAll(textProblems(rows));
        if (!errors.isEmpty()) {
            throw new PlanProblems(errors);
        }
        return store.create(plan.name(), ownerId, items, action);
    }

    /**
     * Applies a change to the plan at {@code baseRevision}. Returns the new state (the same state when
     * the change changes nothing).
     */
    public PlanState edit(long planId, long baseRevision, Long userId, String action, UnaryOperator<Plan> change) {
        return edit(planId, baseRevision, userId, action, change, null, null);
    }

    /**
     * A change of one entry ({@code kind}, {@code itemId}): based on an older revision, it still applies
     * when that entry has not changed since (others' edits of other entries are no conflict); it is
     * checked against the plan as it is now.
     */
    public PlanState edit(long planId, long baseRevision, Long userId, String action, UnaryOperator<Plan> change, String kind, String itemId) {
        // Edits of one plan take turns within this process, so that a burst of them is not wasted work
        // that the database then refuses; between processes the revision check in the database decides.
        ReentrantLock turn = editing.computeIfAbsent(planId, k -> new ReentrantLock(true));
        turn.lock();
        try {
            return editInTurn(planId, baseRevision, userId, action, change, kind, itemId);
        } finally {
            turn.unlock();
        }
    }

    private PlanState editInTurn(long planId, long baseRevision, Long userId, String action, UnaryOperator<Plan> change, String kind,
                                 String itemId) {
        PlanState state = current(planId);
        if (state.revision() != baseRevision && (kind == null || baseRevision < 1 || baseRevision > state.revision()
                || store.changedSince(planId, baseRevision, state.revision(), kind, itemId))) {
            throw new PlanStore.StaleRevision(state.revision());
        }
        Plan next = change.apply(state.plan());
        List<Problem> added = new ArrayList<>(sizeProblems(next));
        int k = Section.TASKS.kind().equals(kind) ? changedTaskIndex(state.plan(), next, itemId) : -1;
        List<Problem> after = k >= 0 && sameStructure(state.plan().tasks().get(k), next.tasks().get(k))
                ? errorsAfterTaskChange(state.plan(), errorsOf(state), next, itemId)
                : errors(PlanChecker.checkStructure(next));
        Set<String> had = keys(errorsOf(state));
        after.stream().filter(p -> !had.contains(key(p))).forEach(added::add);
        if (!added.isEmpty()) {
            throw new PlanProblems(added);
        }
        Map<String, Map<String, Long>> positions;
        List<ItemChange> changes;
        Long position = k < 0 ? null : state.positions().getOrDefault(Section.TASKS.kind(), Map.of()).get(itemId);
        if (position != null && !state.plan().tasks().get(k).equals(next.tasks().get(k))) {
            // one task changed in its place: one row, the positions as they were
            positions = state.positions();
            changes = List.of(new ItemChange(Section.TASKS.kind(), itemId, position, codec.write(state.plan().tasks().get(k)), position,
                    codec.write(next.tasks().get(k))));
        } else {
            positions = new HashMap<>();
            changes = diff(state, next, positions);
        }
        if (changes.isEmpty()) {
            return state;
        }
        List<Problem> badIds = new ArrayList<>(newEntryProblems(changes));
        badIds.addAll(textProblems(changes));
        if (!badIds.isEmpty()) {
            throw new PlanProblems(badIds);
        }
        String newName = Objects.equals(state.plan().name(), next.name()) ? null : next.name();
        long revision = store.apply(planId, state.revision(), userId, action, changes, newName);
        checked.put(planId, new Checked(revision, List.copyOf(after)));
        PlanState result = new PlanState(planId, revision, next, positions);
        latest.merge(planId, result, (a, b) -> a.revision() >= b.revision() ? a : b);
        precompute(result);
        return result;
    }

    /**
     * The plan's size against the limits ({@code planwright.max-tasks}, 200,000 unless set, and
     * {@code planwright.max-items} over every collection, 2,000,000): one error per limit passed, which
     * the API answers with 422. The request itself is limited by size (413).
     */
    List<Problem> sizeProblems(Plan plan) {
        List<Problem> out = new ArrayList<>();
        if (plan.tasks().size() > maxTasks) {
            out.add(Problem.error("too-large", "tasks", "the plan would have " + plan.tasks().size() + " tasks; a plan may have at most " + maxTasks));
        }
        long items = 0;
        for (Section<?> s : Section.ALL) {
            items += s.list().apply(plan).size();
        }
        if (items > maxItems) {
            out.add(Problem.error("too-large", "plan", "the plan would have " + items + " items; a plan may have at most " + maxItems));
        }
        return out;
    }

    /**
     * The ids of the entries a change adds, against the plan file's rule: whichever face made the change
     * (API, page, plan file, import), nothing with an id the plan file cannot hold is written.
     */
    static List<Problem> newEntryProblems(List<ItemChange> changes) {
        List<Problem> out = new ArrayList<>();
        for (ItemChange c : changes) {
            if (c.isCreate()) {
                Section.byKind(c.kind()).flatMap(s -> EntryIds.asProblem(s, c.itemId())).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The texts of the rows a change writes that are longer than {@link TextLimits} allows. */
    List<Problem> textProblems(List<ItemChange> changes) {
        List<Problem> out = new ArrayList<>();
        for (ItemChange c : changes) {
            if (c.after() != null) {
                String at = c.kind().equals(ItemCodec.SETTINGS_KIND) ? "plan" : Section.byKind(c.kind()).map(Section::path).orElse(c.kind()) + "/" + c.itemId();
                out.addAll(TextLimits.problems(at, codec.tree(c.after())));
            }
        }
        return out;
    }

    /** The errors of the plan at a revision, remembered for the next change. */
    private List<Problem> errorsOf(PlanState state) {
        Checked before = checked.get(state.planId());
        if (before != null && before.revision() == state.revision()) {
            return before.errors();
        }
        List<Problem> errors = errors(PlanChecker.checkStructure(state.plan()));
        checked.put(state.planId(), new Checked(state.revision(), errors));
        return errors;
    }

    /**
     * The errors of {@code next}, which changed only task {@code taskId} of {@code was} and kept its id,
     * parent and links (see {@link #onlyTaskChanged}): the WBS and the network stay as they were, so only
     * that task's own checks can differ, and the plan's errors are the old plan's with the task's old ones
     * replaced by its new ones.
     */
    static List<Problem> errorsAfterTaskChange(Plan was, List<Problem> wasErrors, Plan next, String taskId) {
        Task before = was.tasks().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
        List<List<Problem>> versions = PlanChecker.checkTaskVersions(next, before);
        Set<String> ofTask = keys(errors(versions.get(0)));
        List<Problem> out = new ArrayList<>();
        for (Problem p : wasErrors) {
            if (!ofTask.contains(key(p))) {
                out.add(p);
            }
        }
        out.addAll(errors(versions.get(1)));
        return out;
    }

    /**
     * The position of the one task that {@code next} changed, when it changed nothing else and the task
     * kept its id and place; -1 otherwise.
     */
    static int changedTaskIndex(Plan was, Plan next, String taskId) {
        for (Section<?> s : Section.ALL) {
            if (s != Section.TASKS && !s.list().apply(was).equals(s.list().apply(next))) {
                return -1;
            }
        }
        if (!PlanSettings.of(was).equals(PlanSettings.of(next))) {
            return -1;
        }
        List<Task> a = was.tasks();
        List<Task> b = next.tasks();
        if (a.size() != b.size()) {
            return -1;
        }
        int changed = -1;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                if (changed >= 0) {
                    return -1;
                }
                changed = i;
            }
        }
        return changed >= 0 && a.get(changed).id().equals(taskId) && b.get(changed).id().equals(taskId) ? changed : -1;
    }

    /** Whether {@code next} differs from {@code was} in one task's fields other than its id, parent and links. */
    static boolean onlyTaskChanged(Plan was, Plan next, String taskId) {
        int k = changedTaskIndex(was, next, taskId);
        return k >= 0 && sameStructure(was.tasks().get(k), next.tasks().get(k));
    }

    private static boolean sameStructure(Task before, Task after) {
        return Objects.equals(before.parentId(), after.parentId()) && before.links().equals(after.links());
    }

    static String key(Problem p) {
        return p.code() + "\u0000" + p.path() + "\u0000" + p.message();
    }

    static Set<String> keys(List<Problem> problems) {
        Set<String> out = new HashSet<>();
        problems.forEach(p -> out.add(key(p)));
        return out;
    }

    static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).toList();
    }

    // ------------------------------------------------------------------ changes as rows

    /** The rows that turn the stored state into {@code next}; fills in the positions of {@code next}. */
    List<ItemChange> diff(PlanState state, Plan next, Map<String, Map<String, Long>> positions) {
        List<ItemChange> out = new ArrayList<>();
        PlanSettings before = PlanSettings.of(state.plan());
        PlanSettings after = PlanSettings.of(next);
        if (!before.equals(after)) {
            out.add(new ItemChange(ItemCodec.SETTINGS_KIND, ItemCodec.SETTINGS_ID, 0L, codec.write(before), 0L, codec.write(after)));
        }
        for (Section<?> s : Section.ALL) {
            diff(s, state, next, positions, out);
        }
        return out;
    }

    private void diff(Section<?> s, PlanState state, Plan next, Map<String, Map<String, Long>> positionsOut, List<ItemChange> out) {
        List<?> oldList = s.list().apply(state.plan());
        List<?> newList = s.list().apply(next);
        Map<String, Long> oldPositions = state.positions().getOrDefault(s.kind(), Map.of());
        if (oldList.equals(newList) && oldList.size() == oldPositions.size()) {
            positionsOut.put(s.kind(), oldPositions);
            return;
        }
        Map<String, Object> oldById = new HashMap<>();
        for (Object e : oldList) {
            oldById.put(s.idOf(e), e);
        }
        List<String> ids = new ArrayList<>(newList.size());
        for (Object e : newList) {
            ids.add(s.idOf(e));
        }
        Map<String, Long> newPositions = positions(ids, oldPositions);
        positionsOut.put(s.kind(), newPositions);
        Set<String> seen = new HashSet<>();
        for (Object e : newList) {
            String id = s.idOf(e);
            seen.add(id);
            Object old = oldById.get(id);
            long position = newPositions.get(id);
            if (old == null) {
                out.add(new ItemChange(s.kind(), id, null, null, position, codec.write(e)));
            } else if (old != e && !old.equals(e) || !Objects.equals(oldPositions.get(id), position)) {
                out.add(new ItemChange(s.kind(), id, oldPositions.get(id), codec.write(old), position, codec.write(e)));
            }
        }
        for (Object e : oldList) {
            String id = s.idOf(e);
            if (!seen.contains(id)) {
                out.add(new ItemChange(s.kind(), id, oldPositions.get(id), codec.write(e), null, null));
            }
        }
    }

    /**
     * Positions for a collection in its new order, keeping every old position that still fits so that an
     * insertion or a move writes only the entries it touches; when no gap is left, the collection is
     * spaced out afresh.
     */
    static Map<String, Long> positions(List<String> ids, Map<String, Long> old) {
        Map<String, Long> out = new LinkedHashMap<>();
        long prev = 0;
        for (int i = 0; i < ids.size(); i++) {
            Long p = old.get(ids.get(i));
            if (p != null && p > prev && fitsBeforeFollowers(p, ids, i, old)) {
                out.put(ids.get(i), p);
                prev = p;
                continue;
            }
            long next = prev + 2 * ItemCodec.GAP;
            for (int j = i + 1; j < ids.size(); j++) {
                Long q = old.get(ids.get(j));
                if (q != null && q > prev) {
                    next = q;
                    break;
                }
            }
            if (next - prev < 2) {
                Map<String, Long> fresh = new LinkedHashMap<>();
                for (int k = 0; k < ids.size(); k++) {
                    fresh.put(ids.get(k), (k + 1) * ItemCodec.GAP);
                }
                return fresh;
            }
            long p2 = prev + (next - prev) / 2;
            out.put(ids.get(i), p2);
            prev = p2;
        }
        return out;
    }

    /** An old position is kept only if the next entry that keeps its own old position comes after it. */
    private static boolean fitsBeforeFollowers(long p, List<String> ids, int i, Map<String, Long> old) {
        for (int j = i + 1; j < ids.size(); j++) {
            Long q = old.get(ids.get(j));
            if (q != null) {
                return q > p;
            }
        }
        return true;
    }
}
