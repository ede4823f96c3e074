package io.planwright.server.plans;

import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.PlanProblems;
import io.planwright.server.shared.StaleRevision;
import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.formats.schedule.CompactSchedule;
import io.planwright.formats.schedule.ScheduleDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Reading and changing plans. A plan is read at its current revision (asked of the database every
 * time, so that several server processes agree) and kept in memory by revision; a change is applied
 * to the model in memory, checked, and written as the rows it changes, or refused: with the plan's
 * new errors (422) or because the plan has moved on since the revision it was based on (409).
 * Schedules are computed by core and kept by revision, never stored ({@link ScheduleCache}); a change's
 * errors are checked incrementally where that is safe ({@link IncrementalCheck}).
 */
@Service
public class PlanService {

    private final PlanStore store;
    private final TeamUpdateStore updates;
    private final ItemCodec codec;
    private final ScheduleCache schedules;
    private final IncrementalCheck check;
    private final Map<Long, PlanState> latest = new ConcurrentHashMap<>();
    private final Map<Long, ReentrantLock> editing = new ConcurrentHashMap<>();

    private final int maxTasks;
    private final int maxItems;

    public PlanService(PlanStore store, TeamUpdateStore updates, ItemCodec codec, ScheduleCache schedules, IncrementalCheck check,
                       @Value("${planwright.max-tasks:200000}") int maxTasks, @Value("${planwright.max-items:2000000}") int maxItems) {
        this.store = store;
        this.updates = updates;
        this.codec = codec;
        this.schedules = schedules;
        this.check = check;
        this.maxTasks = maxTasks;
        this.maxItems = maxItems;
    }

    /** Drops what this process keeps of a plan (it was deleted). */
    public void forget(long planId) {
        latest.remove(planId);
        check.forget(planId);
        schedules.forget(planId);
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

    /** The plan as it was at a revision, if it had that revision. */
    public Optional<PlanState> at(long planId, long revision) {
        return store.at(planId, revision);
    }

    /** The plan's latest revisions, newest first, with the rows each changed or not. */
    public List<PlanStore.Revision> history(long planId, int limit, boolean withChanges) {
        return store.history(planId, limit, withChanges);
    }

    private static final java.util.regex.Pattern STATUS_DATE = java.util.regex.Pattern.compile("\"statusDate\"\\s*:\\s*(null|\"[^\"]*\")");

    /**
     * The revisions at which the plan stood at each of its earlier status dates (the last revision before each
     * change of the status date), newest first, within the last {@code limit} revisions.
     */
    public List<Long> revisionsBeforeStatusDateChanges(long planId, int limit) {
        List<Long> out = new java.util.ArrayList<>();
        for (PlanStore.Revision r : store.history(planId, limit, true)) {
            for (PlanStore.Change c : r.changes()) {
                if (ItemCodec.SETTINGS_KIND.equals(c.kind()) && c.before() != null && r.revision() > 1) {
                    String before = statusDate(c.before());
                    if (!before.equals(statusDate(c.after())) && !before.equals("null")) {
                        out.add(r.revision() - 1);
                    }
                }
            }
        }
        return out;
    }

    private static String statusDate(String json) {
        if (json == null) {
            return "null";
        }
        java.util.regex.Matcher m = STATUS_DATE.matcher(json);
        return m.find() ? m.group(1) : "null";
    }

    /** The plans a user may see (an administrator: every plan). */
    public List<PlanStore.Summary> plansOf(long userId, boolean admin) {
        return store.plansOf(userId, admin);
    }

    /** Gives a user a role in the plan, linked to a resource or not, as a revision based on {@code baseRevision} (see {@link PlanStore#changeMember}). */
    public long changeMember(long planId, long baseRevision, long byUserId, String username, long memberId, String role, String resourceId) {
        return store.changeMember(planId, baseRevision, byUserId, username, memberId, role, resourceId);
    }

    /** The plan's members and their roles. */
    public List<PlanStore.Member> members(long planId) {
        return store.members(planId);
    }

    /** The plan's schedule at its current revision, computed once per revision however many ask at once. */
    public PlanSchedule schedule(PlanState state) {
        return schedules.schedule(state);
    }

    /** The digest of the plan's schedule now. */
    public ScheduleDigest digest(PlanState state) {
        return schedules.digest(state);
    }

    /** The schedule's JSON written once per revision, to answer "all of it" and "what changed since". */
    public CompactSchedule compactSchedule(PlanState state) {
        return schedules.compact(state);
    }

    /**
     * The rows of the schedule at an earlier revision, while this process still remembers them; empty
     * otherwise, and the caller reads it all.
     */
    public Optional<ScheduleDigest> digestAt(long planId, long revision) {
        return schedules.digestAt(planId, revision);
    }

    /** All problems of the plan, the schedule's warnings included. */
    public List<Problem> problems(PlanState state) {
        return PlanChecker.check(state.plan());
    }

    /** A new plan, owned by the user; refused with its errors if it has any. */
    /**
     * Branches a scenario from the plan as it is now: a plan of its own (edited, scheduled, levelled and
     * simulated with every tool), with the plan's members, remembering the revision it was branched at.
     */
    public long branch(long planId, String scenarioName, long userId) {
        PlanState state = current(planId);
        if (store.scenario(planId).isPresent()) {
            throw new IllegalArgumentException("a scenario is branched from a plan, not from another scenario");
        }
        List<ItemCodec.Item> items = codec.items(state.plan());
        return store.createScenario(planId, state.revision(), scenarioName, state.plan().name(), userId, items,
                "branched scenario '" + scenarioName + "' from revision " + state.revision());
    }

    /**
     * A revision of the plan's history that changes no entry (a decision, with its comment, named by {@code action}),
     * written together with what {@code alsoWritten} writes for it (given the revision), or neither.
     */
    @org.springframework.transaction.annotation.Transactional
    public long note(long planId, Long userId, String action, String kind, String itemId, String json, java.util.function.LongConsumer alsoWritten) {
        return store.note(planId, userId, action, kind, itemId, json, alsoWritten);
    }

    /** Deletes a scenario (its base plan is untouched). */
    public void discardScenario(long scenarioId) {
        store.revision(scenarioId).ifPresent(r -> store.delete(scenarioId, r));
        forget(scenarioId);
    }

    public List<PlanStore.Scenario> scenarios(long planId) {
        return store.scenarios(planId);
    }

    public Optional<PlanStore.Scenario> scenario(long planId) {
        return store.scenario(planId);
    }

    public long create(Plan plan, long ownerId, String action) {
        List<Problem> errors = new ArrayList<>(sizeProblems(plan));
        errors.addAll(IncrementalCheck.errors(PlanChecker.checkStructure(plan)));
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
        return edit(planId, baseRevision, userId, action, change, kind, itemId, null);
    }

    private PlanState edit(long planId, long baseRevision, Long userId, String action, UnaryOperator<Plan> change, String kind, String itemId,
                           LongConsumer alsoWritten) {
        // Edits of one plan take turns within this process, so that a burst of them is not wasted work
        // that the database then refuses; between processes the revision check in the database decides.
        ReentrantLock turn = editing.computeIfAbsent(planId, k -> new ReentrantLock(true));
        turn.lock();
        try {
            return editInTurn(planId, baseRevision, userId, action, change, kind, itemId, alsoWritten);
        } finally {
            turn.unlock();
        }
    }

    private PlanState editInTurn(long planId, long baseRevision, Long userId, String action, UnaryOperator<Plan> change, String kind,
                                 String itemId, LongConsumer alsoWritten) {
        PlanState state = current(planId);
        if (state.revision() != baseRevision && (kind == null || baseRevision < 1 || baseRevision > state.revision()
                || store.changedSince(planId, baseRevision, state.revision(), kind, itemId))) {
            throw new StaleRevision(state.revision());
        }
        Plan next = change.apply(state.plan());
        List<Problem> added = new ArrayList<>(sizeProblems(next));
        int k = Section.TASKS.kind().equals(kind) ? IncrementalCheck.changedTaskIndex(state.plan(), next, itemId) : -1;
        List<Problem> after = check.errorsAfter(state, next, k, itemId);
        added.addAll(check.added(state, after));
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
            if (alsoWritten != null) {
                alsoWritten.accept(state.revision());
            }
            return state;
        }
        List<Problem> badIds = new ArrayList<>(newEntryProblems(changes));
        badIds.addAll(textProblems(changes));
        if (!badIds.isEmpty()) {
            throw new PlanProblems(badIds);
        }
        String newName = Objects.equals(state.plan().name(), next.name()) ? null : next.name();
        long revision = store.apply(planId, state.revision(), userId, action, changes, newName, alsoWritten);
        check.remember(planId, revision, after);
        PlanState result = new PlanState(planId, revision, next, positions);
        latest.merge(planId, result, (a, b) -> a.revision() >= b.revision() ? a : b);
        schedules.precompute(result, () -> {
            PlanState now = latest.get(planId);
            return now != null && now.revision() == revision;
        });
        return result;
    }

    // ------------------------------------------------------------------ the team's updates

    /** Records progress a member submits on a task of their resource; its id. */
    public long submitUpdate(long planId, String taskId, String resourceId, long userId, String actualWork, String remainingWork,
                             Double percentComplete, String comment) {
        return updates.submit(planId, taskId, resourceId, userId, actualWork, remainingWork, percentComplete, comment);
    }

    /** The plan's updates, oldest first: of one status (null: all), of one submitter (null: everyone's). */
    public List<TeamUpdate> updates(long planId, String status, Long submitterId) {
        return updates.list(planId, status, submitterId);
    }

    public Optional<TeamUpdate> update(long planId, long id) {
        return updates.find(planId, id);
    }

    /** Rejects updates still submitted (else 409 and none is). */
    public void rejectUpdates(long planId, List<Long> ids, long userId, String comment) {
        updates.decide(planId, ids, TeamUpdate.REJECTED, userId, comment, null);
    }

    /**
     * Accepts updates still submitted: {@code change} applied to the plan as it is now is one revision,
     * and the updates are marked accepted as that revision in the same transaction (or nothing happens:
     * 409 when one was decided meanwhile, 422 when the plan would have errors). An update is about one
     * assignment, so it applies to the plan however it changed since it was submitted; when another change
     * comes in between, it is applied again to the plan after that one.
     */
    public PlanState acceptUpdates(long planId, List<Long> ids, long userId, String comment, String action, UnaryOperator<Plan> change) {
        for (int attempt = 1; ; attempt++) {
            PlanState state = current(planId);
            try {
                return edit(planId, state.revision(), userId, action, change, null, null,
                        revision -> updates.decide(planId, ids, TeamUpdate.ACCEPTED, userId, comment, revision));
            } catch (StaleRevision e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
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
