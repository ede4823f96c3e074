package io.planwright.server.plans;

import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan's structural errors after a change, checked incrementally where that is safe: a change of
 * one task that keeps its id, parent and links re-checks only that task against the errors remembered
 * for the revision before; any other change checks the whole plan. What a change may not do is add an
 * error the plan did not have.
 */
@Component
class IncrementalCheck {

    private record Checked(long revision, List<Problem> errors) {
    }

    private final Map<Long, Checked> checked = new ConcurrentHashMap<>();

    /** Drops what is remembered of the plan (it was deleted). */
    void forget(long planId) {
        checked.remove(planId);
    }

    /** The errors of the plan at a revision, remembered for the next change. */
    List<Problem> errorsOf(PlanState state) {
        Checked before = checked.get(state.planId());
        if (before != null && before.revision() == state.revision()) {
            return before.errors();
        }
        List<Problem> errors = errors(PlanChecker.checkStructure(state.plan()));
        checked.put(state.planId(), new Checked(state.revision(), errors));
        return errors;
    }

    /** Remembers the errors of the revision a change made. */
    void remember(long planId, long revision, List<Problem> errors) {
        checked.put(planId, new Checked(revision, List.copyOf(errors)));
    }

    /**
     * The errors of {@code next}, which is {@code state}'s plan changed; {@code changedTask} is the index of
     * the one task it changed (see {@link #changedTaskIndex}), or -1.
     */
    List<Problem> errorsAfter(PlanState state, Plan next, int changedTask, String taskId) {
        return changedTask >= 0 && sameStructure(state.plan().tasks().get(changedTask), next.tasks().get(changedTask))
                ? errorsAfterTaskChange(state.plan(), errorsOf(state), next, taskId)
                : errors(PlanChecker.checkStructure(next));
    }

    /** The errors in {@code after} that the plan at {@code state} did not have. */
    List<Problem> added(PlanState state, List<Problem> after) {
        Set<String> had = keys(errorsOf(state));
        return after.stream().filter(p -> !had.contains(key(p))).toList();
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
}
