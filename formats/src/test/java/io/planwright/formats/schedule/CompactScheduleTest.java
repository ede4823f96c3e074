package io.planwright.formats.schedule;

import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeUnit;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CompactScheduleTest {

    static Plan example() throws Exception {
        Path file = Path.of("../examples/erp-rollout.plan.yaml");
        return PlanFiles.parse(file.getFileName().toString(), Files.readString(file), null).plan();
    }

    @Test
    void theBytesAreTheCompactScheduleDocument() throws Exception {
        PlanSchedule s = PlanScheduler.schedule(example());
        byte[] json = CompactSchedule.of(s).json();
        // the API's face: the schedule document with camelCase keys
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(JsonEmitter.compact(ScheduleJson.renamed(ScheduleJson.tree(s), ScheduleJson::camel)))
                .contains("\"totalFloatHours\":").contains("\"criticalPath\":").doesNotContain("_hours");
    }

    @Test
    void changesHoldExactlyTheRowsThatDifferAndTheOnesThatAreGone() throws Exception {
        Plan plan = example();
        PlanSchedule before = PlanScheduler.schedule(plan);
        List<Task> tasks = new ArrayList<>(plan.tasks());
        int longer = -1;
        for (int i = 0; i < tasks.size(); i++) {
            ScheduledTask row = before.tasks().get(i);
            if (longer < 0 && row.critical() && row.type() == ScheduledTask.Kind.TASK) {
                longer = i;
            }
        }
        Task t = tasks.get(longer);
        tasks.set(longer, t.toBuilder().duration(new Duration(t.duration().amount() + 5, TimeUnit.DAYS)).build());
        String gone = tasks.get(tasks.size() - 1).id();
        tasks.removeIf(x -> x.id().equals(gone));
        PlanSchedule after = PlanScheduler.schedule(plan.toBuilder().tasks(tasks).build());

        String text = new String(CompactSchedule.of(after).changesSince(ScheduleDigest.of(before), "\"revision\":2,"), StandardCharsets.UTF_8);
        Node.MapNode doc = (Node.MapNode) JsonTreeReader.read(text);
        // the summary in the API's keys, as the whole schedule has them (the Gantt page reads criticalTaskCount)
        assertThat(doc.entries().stream().map(e -> e.key().text()).toList())
                .contains("revision", "start", "finish", "taskCount", "criticalTaskCount", "criticalPath", "tasks", "removed")
                .doesNotContain("critical_task_count");
        Set<String> rows = new HashSet<>();
        for (Node row : ((Node.ListNode) value(doc, "tasks")).items()) {
            rows.add(((Node.ScalarNode) value((Node.MapNode) row, "id")).text());
        }
        // a row differs when any of its fields does: its dates, or its progress and cost (a phase costs less without its last task)
        java.util.Map<String, Node> beforeRows = new java.util.HashMap<>();
        for (Node row : ((Node.ListNode) value(ScheduleJson.tree(before), "tasks")).items()) {
            beforeRows.put(((Node.ScalarNode) value((Node.MapNode) row, "id")).text(), row);
        }
        Set<String> expected = new HashSet<>();
        for (Node row : ((Node.ListNode) value(ScheduleJson.tree(after), "tasks")).items()) {
            String id = ((Node.ScalarNode) value((Node.MapNode) row, "id")).text();
            Node was = beforeRows.get(id);
            if (was == null || !JsonEmitter.compact(was).equals(JsonEmitter.compact(row))) {
                expected.add(id);
            }
        }
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(rows).isEqualTo(expected);
        assertThat(text).startsWith("{\"revision\":2,\"start\":").contains("\"removed\":[\"" + gone + "\"]");
        assertThat(((Node.ScalarNode) value(doc, "finish")).text()).isEqualTo(ScheduleCsv.time(after.finish()));
        assertThat(new String(CompactSchedule.of(after).changesSince(ScheduleDigest.of(after), ""), StandardCharsets.UTF_8))
                .contains("\"tasks\":[],\"removed\":[]");
    }

    @Test
    void aRowWhoseProgressAloneChangedIsAChangedRow() throws Exception {
        Plan plan = example();
        PlanSchedule before = PlanScheduler.schedule(plan);
        List<Task> tasks = new ArrayList<>(plan.tasks());
        int started = -1;
        for (int i = 0; i < tasks.size() && started < 0; i++) {
            Task t = tasks.get(i);
            if (t.actualStart() != null && t.actualFinish() == null && t.percentComplete() > 0) {
                started = i;
            }
        }
        Task t = tasks.get(started);
        tasks.set(started, t.toBuilder().percentComplete(t.percentComplete() + 5).build());
        PlanSchedule after = PlanScheduler.schedule(plan.toBuilder().tasks(tasks).build());
        assertThat(after.task(t.id())).isEqualTo(before.task(t.id()));

        String text = new String(CompactSchedule.of(after).changesSince(ScheduleDigest.of(before), ""), StandardCharsets.UTF_8);
        assertThat(text).contains("{\"id\":\"" + t.id() + "\"").contains("\"percentComplete\":" + ScheduleCsv.number(t.percentComplete() + 5));
    }

    @Test
    void rowsCarryWorkAndCostAndSummariesAddUpTheirTasks() throws Exception {
        Plan plan = example();
        PlanSchedule s = PlanScheduler.schedule(plan);
        Node.MapNode doc = (Node.MapNode) JsonTreeReader.read(new String(CompactSchedule.of(s).json(), StandardCharsets.UTF_8));
        java.util.Map<String, double[]> figures = new java.util.HashMap<>();
        for (Node row : ((Node.ListNode) value(doc, "tasks")).items()) {
            Node.MapNode m = (Node.MapNode) row;
            figures.put(((Node.ScalarNode) value(m, "id")).text(), new double[] {num(m, "workHours"), num(m, "cost"), num(m, "actualCost"), num(m, "percentComplete")});
        }
        // a summary's percent complete is rolled up from its tasks: 100 when all are done, between when some are under way
        for (ScheduledTask st : s.tasks()) {
            if (st.type() == ScheduledTask.Kind.SUMMARY && st.done()) {
                assertThat(figures.get(st.id())[3]).as(st.id()).isEqualTo(100);
            }
        }
        assertThat(s.tasks().stream().filter(st -> st.type() == ScheduledTask.Kind.SUMMARY && !st.done())
                .anyMatch(st -> figures.get(st.id())[3] > 0 && figures.get(st.id())[3] < 100)).isTrue();
        java.util.Map<String, Double> work = io.planwright.core.cost.Costs.taskWork(plan, s);
        java.util.Map<String, Double> cost = io.planwright.core.cost.Costs.taskCosts(plan, s);
        work.forEach((id, w) -> assertThat(figures.get(id)[0]).as(id).isCloseTo(w, org.assertj.core.data.Offset.offset(0.001)));
        cost.forEach((id, c) -> assertThat(figures.get(id)[1]).as(id).isCloseTo(c, org.assertj.core.data.Offset.offset(0.01)));
        // a phase costs what its tasks cost; the plan has spent something by its status date
        String phase = plan.tasks().stream().filter(x -> x.parentId() == null && plan.tasks().stream().anyMatch(c -> x.id().equals(c.parentId())))
                .findFirst().orElseThrow().id();
        double sum = plan.tasks().stream().filter(x -> cost.containsKey(x.id()) && descends(plan, x, phase)).mapToDouble(x -> cost.get(x.id())).sum();
        assertThat(figures.get(phase)[1]).isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05 * Math.max(1, plan.tasks().size())));
        assertThat(figures.get(phase)[2]).isGreaterThan(0).isLessThanOrEqualTo(figures.get(phase)[1] * 1.5);
    }

    private static boolean descends(Plan plan, Task t, String ancestor) {
        for (Task up = t; up != null; up = up.parentId() == null ? null : plan.task(up.parentId()).orElse(null)) {
            if (up.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    private static double num(Node.MapNode m, String key) {
        return Double.parseDouble(((Node.ScalarNode) value(m, key)).text());
    }

    @Test
    void rowsThatDifferOnlyWhereJavaHashesCollideStillDiffer() {
        assertThat("Phase Aa".hashCode()).isEqualTo("Phase BB".hashCode());
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2026, 3, 2, 8, 0);
        ScheduledTask a = new ScheduledTask("x", "1", "Phase Aa", ScheduledTask.Kind.TASK, 480, false, t, t, t, t, t, t, 0, 0, false, null, "x");
        ScheduledTask b = new ScheduledTask("x", "1", "Phase BB", ScheduledTask.Kind.TASK, 480, false, t, t, t, t, t, t, 0, 0, false, null, "x");
        assertThat(ScheduleDigest.print(a)).isNotEqualTo(ScheduleDigest.print(b));
        assertThat(ScheduleDigest.print(a)).isEqualTo(ScheduleDigest.print(new ScheduledTask("x", "1", "Phase Aa", ScheduledTask.Kind.TASK, 480, false,
                t, t, t, t, t, t, 0, 0, false, null, "x")));
    }

    static Node value(Node.MapNode map, String key) {
        return map.entries().stream().filter(e -> e.key().text().equals(key)).findFirst().orElseThrow().value();
    }
}
