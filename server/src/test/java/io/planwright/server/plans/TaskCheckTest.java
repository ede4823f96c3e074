package io.planwright.server.plans;

import io.planwright.bench.NetworkGenerator;
import io.planwright.bench.PlanGenerator;
import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Split;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeUnit;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server checks a change of one task's fields by that task alone; on thousands of random changes,
 * valid and invalid, that gives exactly the errors of checking the whole plan.
 */
class TaskCheckTest {

    @Test
    void checkingTheChangedTaskAloneGivesTheErrorsOfCheckingTheWholePlan() throws Exception {
        List<Plan> plans = new ArrayList<>(io.planwright.server.Examples.plans());
        plans.add(PlanGenerator.plan(NetworkGenerator.generate(300, 5)));
        Random random = new Random(11);
        int compared = 0;
        int withNewErrors = 0;
        for (Plan start : plans) {
            Plan plan = start;
            List<Problem> errors = IncrementalCheck.errors(PlanChecker.checkStructure(plan));
            for (int step = 0; step < 400; step++) {
                int k = random.nextInt(plan.tasks().size());
                Task before = plan.tasks().get(k);
                Task after;
                try {
                    after = mutation(random, plan).apply(before.toBuilder()).build();
                } catch (IllegalArgumentException e) {
                    continue; // the model refuses it outright
                }
                List<Task> tasks = new ArrayList<>(plan.tasks());
                tasks.set(k, after);
                Plan next = plan.toBuilder().tasks(tasks).build();
                assertThat(IncrementalCheck.onlyTaskChanged(plan, next, before.id())).isTrue();
                List<Problem> quick = IncrementalCheck.errorsAfterTaskChange(plan, errors, next, before.id());
                List<Problem> full = IncrementalCheck.errors(PlanChecker.checkStructure(next));
                assertThat(keys(quick)).as("after changing " + before.id() + " to " + after).containsExactlyInAnyOrderElementsOf(keys(full));
                compared++;
                if (full.size() > errors.size()) {
                    withNewErrors++;
                }
                if (random.nextInt(3) == 0) { // walk on, errors and all
                    plan = next;
                    errors = full;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(withNewErrors).as("the changes include many that bring errors").isGreaterThan(100);
    }

    static List<String> keys(List<Problem> problems) {
        return problems.stream().map(IncrementalCheck::key).toList();
    }

    static UnaryOperator<Task.Builder> mutation(Random r, Plan plan) {
        LocalDateTime day = LocalDateTime.of(2026, 1, 5, 8, 0).plusDays(r.nextInt(400) - 100);
        String someTask = plan.tasks().get(r.nextInt(plan.tasks().size())).id();
        String resource = plan.resources().isEmpty() ? "nobody" : plan.resources().get(r.nextInt(plan.resources().size())).id();
        return switch (r.nextInt(16)) {
            case 0 -> b -> b.duration(new Duration(r.nextInt(12) - 2, TimeUnit.values()[r.nextInt(TimeUnit.values().length)]));
            case 1 -> b -> b.milestone(r.nextBoolean()).duration(r.nextBoolean() ? null : new Duration(0, TimeUnit.DAYS));
            case 2 -> b -> b.calendarId(r.nextBoolean() ? "no-such-calendar" : plan.calendars().isEmpty() ? null : plan.calendars().get(0).id());
            case 3 -> b -> b.assignments(List.of(new Assignment(r.nextBoolean() ? resource : "ghost", r.nextBoolean() ? 1.0 : 0.5, null),
                    new Assignment(resource, 1.0, null)));
            case 4 -> b -> b.objectiveIds(List.of(r.nextBoolean() ? "no-such-objective"
                    : plan.objectives().isEmpty() ? "none" : plan.objectives().get(0).id()));
            case 5 -> b -> b.raci(List.of(new RaciEntry(r.nextBoolean() ? resource : "stranger", RaciRole.A),
                    new RaciEntry(resource, RaciRole.values()[r.nextInt(4)])));
            case 6 -> b -> b.constraint(new Constraint(ConstraintType.values()[r.nextInt(ConstraintType.values().length)], r.nextBoolean() ? day : null));
            case 7 -> b -> b.manual(true).start(day).finish(r.nextBoolean() ? day.plusDays(3) : day.minusDays(2));
            case 8 -> b -> b.percentComplete(r.nextInt(3) * 60.0).actualStart(r.nextBoolean() ? day : null).actualFinish(r.nextBoolean() ? day.minusDays(1) : null);
            case 9 -> b -> b.estimate(new Estimate(new Duration(r.nextInt(9), TimeUnit.DAYS), new Duration(r.nextInt(9), TimeUnit.DAYS),
                    new Duration(r.nextInt(9), TimeUnit.DAYS), Distribution.values()[r.nextInt(2)]));
            case 10 -> b -> b.splits(List.of(new Split(new Duration(r.nextInt(4) - 1, TimeUnit.DAYS), new Duration(r.nextInt(4) - 1, TimeUnit.DAYS))));
            case 11 -> b -> b.deadline(day);
            case 12 -> b -> b.name(r.nextBoolean() ? "" : "Renamed " + someTask);
            case 13 -> b -> b.priority(r.nextInt(1200) - 100);
            case 14 -> b -> b.constraint(null).deadline(null).calendarId(null);
            default -> b -> b.notes("checked " + someTask).percentComplete(r.nextDouble() * 100);
        };
    }
}
