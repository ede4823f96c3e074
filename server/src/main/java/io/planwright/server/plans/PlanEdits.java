package io.planwright.server.plans;

import io.planwright.server.shared.NotFound;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Task;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Changes to a plan's collections as a project manager means them: a new task goes at the end of its
 * phase; a task moved to another phase takes its subtasks along; a deleted task takes its subtasks and
 * every link and reference to them along, as MS Project does. Unchanged entries stay the same objects,
 * so that only what changed is written.
 */
final class PlanEdits {

    private PlanEdits() {
    }

    /** The plan with the entry put in: replacing the one with its id, or added. */
    static <T> Plan put(Plan plan, Section<T> section, T entry) {
        if (section == Section.TASKS) {
            return putTask(plan, (Task) entry);
        }
        List<T> list = new ArrayList<>(section.list().apply(plan));
        String id = section.id().apply(entry);
        int at = indexOf(section, list, id);
        if (at >= 0) {
            list.set(at, entry);
        } else {
            list.add(entry);
        }
        return section.replace().apply(plan.toBuilder(), list).build();
    }

    private static <T> int indexOf(Section<T> section, List<T> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (section.id().apply(list.get(i)).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Plan putTask(Plan plan, Task task) {
        List<Task> tasks = new ArrayList<>(plan.tasks());
        int at = -1;
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(task.id())) {
                at = i;
                break;
            }
        }
        if (at >= 0 && Objects.equals(tasks.get(at).parentId(), task.parentId())) {
            tasks.set(at, task);
            return plan.toBuilder().tasks(tasks).build();
        }
        // new, or moved to another phase: the task and its subtree go at the end of the new phase; a task
        // outdented (moved up to its phase's own phase) goes right after the phase it left, as in MS Project
        String leftPhase = at >= 0 ? tasks.get(at).parentId() : null;
        List<Task> subtree = new ArrayList<>();
        subtree.add(task);
        if (at >= 0) {
            Set<String> inside = new HashSet<>(List.of(task.id()));
            tasks.remove(at);
            for (int i = at; i < tasks.size() && inside.contains(tasks.get(i).parentId()); ) {
                inside.add(tasks.get(i).id());
                subtree.add(tasks.remove(i));
            }
        }
        int insertAt = tasks.size();
        int left = leftPhase == null ? -1 : indexOfTask(tasks, leftPhase);
        if (left >= 0 && Objects.equals(tasks.get(left).parentId(), task.parentId())) {
            Set<String> inside = new HashSet<>(List.of(leftPhase));
            int end = left + 1;
            while (end < tasks.size() && inside.contains(tasks.get(end).parentId())) {
                inside.add(tasks.get(end).id());
                end++;
            }
            tasks.addAll(end, subtree);
            return plan.toBuilder().tasks(tasks).build();
        }
        if (task.parentId() != null) {
            Set<String> phase = new HashSet<>(List.of(task.parentId()));
            for (int i = 0; i < tasks.size(); i++) {
                if (tasks.get(i).id().equals(task.parentId())) {
                    int end = i + 1;
                    while (end < tasks.size() && phase.contains(tasks.get(end).parentId())) {
                        phase.add(tasks.get(end).id());
                        end++;
                    }
                    insertAt = end;
                    break;
                }
            }
        }
        tasks.addAll(insertAt, subtree);
        return plan.toBuilder().tasks(tasks).build();
    }

    /**
     * The plan with a new task in the place of another one, which moves down with everything after it
     * (MS Project's Insert): the new task goes in that task's phase.
     */
    static Plan insertTaskBefore(Plan plan, Task task, String beforeId) {
        List<Task> tasks = new ArrayList<>(plan.tasks());
        for (int i = 0; i < tasks.size(); i++) {
            Task before = tasks.get(i);
            if (before.id().equals(beforeId)) {
                if (!Objects.equals(before.parentId(), task.parentId())) {
                    throw new IllegalArgumentException("a task inserted before '" + beforeId + "' goes in its phase: its parentId must be "
                            + (before.parentId() == null ? "empty" : "'" + before.parentId() + "'"));
                }
                tasks.add(i, task);
                return plan.toBuilder().tasks(tasks).build();
            }
        }
        throw new NotFound("task '" + beforeId + "' to insert before");
    }

    private static int indexOfTask(List<Task> tasks, String id) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** The plan without the entry; a task goes with its subtasks, and every link and mention of them. */
    static <T> Plan delete(Plan plan, Section<T> section, String id) {
        if (section == Section.TASKS) {
            return deleteTask(plan, id);
        }
        List<T> list = new ArrayList<>(section.list().apply(plan));
        list.removeIf(e -> section.id().apply(e).equals(id));
        return section.replace().apply(plan.toBuilder(), list).build();
    }

    private static Plan deleteTask(Plan plan, String id) {
        Set<String> gone = new HashSet<>(List.of(id));
        List<Task> kept = new ArrayList<>();
        for (Task t : plan.tasks()) {
            if (gone.contains(t.id()) || (t.parentId() != null && gone.contains(t.parentId()))) {
                gone.add(t.id());
            } else {
                kept.add(t);
            }
        }
        List<Task> tasks = new ArrayList<>(kept.size());
        for (Task t : kept) {
            boolean linked = t.links().stream().anyMatch(l -> gone.contains(l.predecessorId()));
            if (!linked) {
                tasks.add(t);
                continue;
            }
            List<Link> links = t.links().stream().filter(l -> !gone.contains(l.predecessorId())).toList();
            tasks.add(copy(t).links(links).build());
        }
        List<Deliverable> deliverables = plan.deliverables().stream().map(d -> d.taskIds().stream().anyMatch(gone::contains)
                ? new Deliverable(d.id(), d.name(), d.description(), d.objectiveIds(),
                d.taskIds().stream().filter(x -> !gone.contains(x)).toList(), d.due(), d.acceptance(), d.raci(), d.approval())
                : d).toList();
        List<Risk> risks = plan.risks().stream().map(r -> r.taskIds().stream().anyMatch(gone::contains)
                ? new Risk(r.id(), r.title(), r.description(), r.cause(), r.effect(), r.category(), r.probability(), r.impact(),
                r.scheduleImpact(), r.costImpact(), r.owner(), r.response(), r.mitigation(), r.contingency(), r.trigger(), r.status(),
                r.taskIds().stream().filter(x -> !gone.contains(x)).toList())
                : r).toList();
        return plan.toBuilder().tasks(tasks).deliverables(deliverables).risks(risks).build();
    }

    /** A builder with everything of the task. */
    static Task.Builder copy(Task t) {
        return Task.builder(t.id()).parentId(t.parentId()).name(t.name()).notes(t.notes()).milestone(t.milestone()).duration(t.duration())
                .estimate(t.estimate()).links(t.links()).constraint(t.constraint()).deadline(t.deadline()).calendarId(t.calendarId())
                .assignments(t.assignments()).objectiveIds(t.objectiveIds()).raci(t.raci()).manual(t.manual()).start(t.start())
                .finish(t.finish()).percentComplete(t.percentComplete()).actualStart(t.actualStart()).actualFinish(t.actualFinish())
                .priority(t.priority()).fixedCost(t.fixedCost()).fields(t.fields()).type(t.type()).splits(t.splits());
    }
}
