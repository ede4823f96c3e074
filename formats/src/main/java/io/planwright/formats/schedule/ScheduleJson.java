package io.planwright.formats.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduleWarning;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;

import java.util.ArrayList;
import java.util.List;

/** The schedule as JSON: the plan's dates, the critical path, warnings, and the CSV's fields per task plus the driver. */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    public static String write(PlanSchedule s) {
        return JsonEmitter.write(tree(s, List.of()));
    }

    /**
     * With the warnings of reading the plan: {@code losses} lists what another tool's file held that
     * could not be carried over (with the task it concerns), {@code input_warnings} the rest.
     */
    public static String write(PlanSchedule s, List<LocatedProblem> readWarnings) {
        return JsonEmitter.write(tree(s, readWarnings));
    }

    /** The plan's dates, task counts and critical path. */
    private static void summary(PlanSchedule s, MapNode.Builder b) {
        b.put("start", ScheduleCsv.time(s.start()));
        b.put("finish", ScheduleCsv.time(s.finish()));
        b.put("task_count", ScalarNode.number(Integer.toString(s.tasks().size())));
        b.put("critical_task_count", ScalarNode.number(Long.toString(s.criticalTaskCount())));
        List<Node> path = new ArrayList<>();
        s.criticalPath().forEach(id -> path.add(ScalarNode.string(id)));
        b.put("critical_path", ListNode.flowOf(path));
    }

    /** One task's row: the CSV's fields plus the driver. */
    public static MapNode task(ScheduledTask t) {
        MapNode.Builder tb = MapNode.builder().flow();
        tb.put("id", t.id());
        tb.put("wbs", t.wbs());
        tb.put("name", t.name());
        tb.put("type", t.type().text());
        tb.put("duration_hours", ScalarNode.number(ScheduleCsv.hours(t.durationMinutes())));
        tb.put("start", ScheduleCsv.time(t.start()));
        tb.put("finish", ScheduleCsv.time(t.finish()));
        tb.put("early_start", ScheduleCsv.time(t.earlyStart()));
        tb.put("early_finish", ScheduleCsv.time(t.earlyFinish()));
        tb.put("late_start", ScheduleCsv.time(t.lateStart()));
        tb.put("late_finish", ScheduleCsv.time(t.lateFinish()));
        tb.put("total_float_hours", ScalarNode.number(ScheduleCsv.hours(t.totalFloatMinutes())));
        tb.put("free_float_hours", ScalarNode.number(ScheduleCsv.hours(t.freeFloatMinutes())));
        tb.put("critical", ScalarNode.bool(t.critical()));
        tb.put("driving_predecessor", t.drivingPredecessor() == null ? new ScalarNode("null", ScalarNode.Type.NULL, io.planwright.formats.tree.Location.START) : ScalarNode.string(t.drivingPredecessor()));
        tb.put("driver", t.driver());
        return tb.build();
    }

    public static MapNode tree(PlanSchedule s) {
        return tree(s, List.of());
    }

    public static MapNode tree(PlanSchedule s, List<LocatedProblem> readWarnings) {
        return tree(s, readWarnings, true);
    }

    /** The plan's dates, task counts and critical path, as the schedule begins with them. */
    static MapNode summary(PlanSchedule s) {
        MapNode.Builder b = MapNode.builder();
        summary(s, b);
        return b.build();
    }

    /** The whole document; without the tasks' rows, it ends with an empty {@code "tasks":[]}. */
    static MapNode tree(PlanSchedule s, List<LocatedProblem> readWarnings, boolean withTasks) {
        MapNode.Builder b = MapNode.builder();
        b.put("plan", s.plan().name());
        summary(s, b);
        List<Node> warnings = new ArrayList<>();
        for (ScheduleWarning w : s.warnings()) {
            MapNode.Builder wb = MapNode.builder().flow();
            wb.put("task", w.taskId());
            wb.put("kind", w.kind().name().toLowerCase(java.util.Locale.ROOT));
            wb.put("message", w.message());
            warnings.add(wb.build());
        }
        b.put("warnings", ListNode.of(warnings));
        List<Node> losses = new ArrayList<>();
        List<Node> others = new ArrayList<>();
        for (LocatedProblem p : readWarnings) {
            if (p.isError()) {
                continue;
            }
            if (p.problem().code().equals("loss")) {
                losses.add(MapNode.builder().flow().put("task", p.taskId()).put("message", p.problem().message()).build());
            } else {
                others.add(p.json());
            }
        }
        b.put("losses", ListNode.of(losses));
        b.put("input_warnings", ListNode.of(others));
        List<Node> tasks = new ArrayList<>();
        if (withTasks) {
            for (ScheduledTask t : s.tasks()) {
                tasks.add(task(t));
            }
        }
        b.put("tasks", ListNode.of(tasks));
        return b.build();
    }
}
