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

    private static final java.util.Map<String, String> CAMEL = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A key as the REST API writes it: camelCase ({@code total_float_hours} is {@code totalFloatHours}); the
     * CLI's JSON keeps snake_case. One style per face: see docs/architecture.md.
     */
    public static String camel(String snake) {
        return CAMEL.computeIfAbsent(snake, k -> {
            StringBuilder b = new StringBuilder(k.length());
            boolean up = false;
            for (char c : k.toCharArray()) {
                if (c == '_') {
                    up = true;
                } else {
                    b.append(up ? Character.toUpperCase(c) : c);
                    up = false;
                }
            }
            return b.toString();
        });
    }

    /** A document with every map key renamed by {@code keys} (values are left as they are). */
    public static Node renamed(Node n, java.util.function.UnaryOperator<String> keys) {
        if (n instanceof MapNode m) {
            MapNode.Builder b = MapNode.builder();
            if (m.flow()) {
                b.flow();
            }
            m.entries().forEach(e -> b.put(keys.apply(e.key().text()), renamed(e.value(), keys)));
            return b.build();
        }
        if (n instanceof ListNode l) {
            List<Node> items = new ArrayList<>();
            l.items().forEach(i -> items.add(renamed(i, keys)));
            return ListNode.of(items);
        }
        return n;
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

    /** Where a task's row goes: a node tree, or compact JSON text straight away. */
    interface RowSink {
        /** A text field; left out when null. */
        void text(String key, String value);

        void number(String key, String value);

        void bool(String key, boolean value);

        /** A text field that is written as null when there is none. */
        void textOrNull(String key, String value);
    }

    /**
     * One task's row: the CSV's fields plus the driver and whether it is done, then its progress and where it
     * stands against the main baseline, then its work and its cost (forecast and actual). The one list of the row's fields.
     */
    static void row(ScheduledTask t, ScheduleProgress.Row p, RowSink out) {
        out.text("id", t.id());
        out.text("wbs", t.wbs());
        out.text("name", t.name());
        out.text("type", t.type().text());
        out.number("duration_hours", ScheduleCsv.hours(t.durationMinutes()));
        out.text("start", ScheduleCsv.time(t.start()));
        out.text("finish", ScheduleCsv.time(t.finish()));
        out.text("early_start", ScheduleCsv.time(t.earlyStart()));
        out.text("early_finish", ScheduleCsv.time(t.earlyFinish()));
        out.text("late_start", ScheduleCsv.time(t.lateStart()));
        out.text("late_finish", ScheduleCsv.time(t.lateFinish()));
        out.number("total_float_hours", ScheduleCsv.hours(t.totalFloatMinutes()));
        out.number("free_float_hours", ScheduleCsv.hours(t.freeFloatMinutes()));
        out.bool("critical", t.critical());
        out.textOrNull("driving_predecessor", t.drivingPredecessor());
        out.text("driver", t.driver());
        out.bool("done", t.done());
        out.number("percent_complete", ScheduleCsv.number(p.percentComplete()));
        out.text("actual_start", ScheduleCsv.time(p.actualStart()));
        out.text("actual_finish", ScheduleCsv.time(p.actualFinish()));
        out.text("baseline_start", ScheduleCsv.time(p.baselineStart()));
        out.text("baseline_finish", ScheduleCsv.time(p.baselineFinish()));
        if (p.finishVarianceMinutes() != null) {
            out.number("finish_variance_hours", ScheduleCsv.hours(p.finishVarianceMinutes()));
        }
        out.number("work_hours", ScheduleCsv.number(round(p.workHours(), 4)));
        out.number("cost", ScheduleCsv.number(round(p.cost(), 2)));
        out.number("actual_cost", ScheduleCsv.number(round(p.actualCost(), 2)));
    }

    /** Rounded to {@code decimals} places (an amount's cents, work to the second). */
    private static double round(double v, int decimals) {
        return !Double.isFinite(v) ? 0 :  java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** One task's row as a node. */
    public static MapNode task(ScheduledTask t, ScheduleProgress.Row p) {
        MapNode.Builder tb = MapNode.builder().flow();
        row(t, p, new RowSink() {
            @Override
            public void text(String key, String value) {
                tb.put(key, value);
            }

            @Override
            public void number(String key, String value) {
                tb.put(key, ScalarNode.number(value));
            }

            @Override
            public void bool(String key, boolean value) {
                tb.put(key, ScalarNode.bool(value));
            }

            @Override
            public void textOrNull(String key, String value) {
                tb.put(key, value == null ? new ScalarNode("null", ScalarNode.Type.NULL, io.planwright.formats.tree.Location.START) : ScalarNode.string(value));
            }
        });
        return tb.build();
    }

    /** One task's row as compact JSON, appended to {@code out}: the same text as {@code JsonEmitter.compact(task(t))}. */
    static void compactRow(ScheduledTask t, ScheduleProgress.Row p, StringBuilder out) {
        compactRow(t, p, out, java.util.function.UnaryOperator.identity());
    }

    /** The same with each key as {@code keys} writes it ({@link #camel} for the API). */
    static void compactRow(ScheduledTask t, ScheduleProgress.Row p, StringBuilder out, java.util.function.UnaryOperator<String> keys) {
        out.append('{');
        int start = out.length();
        row(t, p, new RowSink() {
            private void key(String key) {
                if (out.length() > start) {
                    out.append(',');
                }
                JsonEmitter.appendString(out, keys.apply(key));
                out.append(':');
            }

            @Override
            public void text(String key, String value) {
                if (value != null) {
                    key(key);
                    JsonEmitter.appendString(out, value);
                }
            }

            @Override
            public void number(String key, String value) {
                key(key);
                out.append(value);
            }

            @Override
            public void bool(String key, boolean value) {
                key(key);
                out.append(value);
            }

            @Override
            public void textOrNull(String key, String value) {
                if (value == null) {
                    key(key);
                    out.append("null");
                } else {
                    text(key, value);
                }
            }
        });
        out.append('}');
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
            ScheduleProgress progress = ScheduleProgress.of(s);
            for (int i = 0; i < s.tasks().size(); i++) {
                tasks.add(task(s.tasks().get(i), progress.row(i)));
            }
        }
        b.put("tasks", ListNode.of(tasks));
        return b.build();
    }
}
