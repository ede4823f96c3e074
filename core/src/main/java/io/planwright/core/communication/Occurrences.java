package io.planwright.core.communication;

import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.track.Baselines;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The events an event-driven cadence listens for, as they stand in a scheduled plan at a moment: each
 * with a key that stays the same while it lasts (so that it is reported once, however often it is looked
 * for), and a sentence for the message.
 */
public final class Occurrences {

    private Occurrences() {
    }

    /** One event: what, its lasting key (such as {@code milestone-missed:go-live}), and a sentence. */
    public record Occurrence(Cadence.Event event, String key, String sentence) {
    }

    /** The milestones' finishes, as {@link Cadence.AtMilestones} fires at them. */
    public static List<LocalDateTime> milestoneFinishes(PlanSchedule schedule) {
        List<LocalDateTime> out = new ArrayList<>();
        for (Task t : schedule.plan().tasks()) {
            if (t.milestone()) {
                schedule.task(t.id()).map(ScheduledTask::finish).ifPresent(out::add);
            }
        }
        return out;
    }

    /** What of {@code events} has happened in the plan as of {@code asOf}. */
    public static List<Occurrence> of(PlanSchedule schedule, LocalDateTime asOf, Set<Cadence.Event> events) {
        Plan plan = schedule.plan();
        List<Occurrence> out = new ArrayList<>();
        if (events.contains(Cadence.Event.MILESTONE_MISSED)) {
            Baseline main = Baselines.find(plan, null).orElse(null);
            for (Task t : plan.tasks()) {
                if (!t.milestone() || t.actualFinish() != null || t.percentComplete() >= 100) {
                    continue;
                }
                LocalDateTime due = t.deadline();
                if (due == null && main != null) {
                    due = main.tasks().stream().filter(b -> b.taskId().equals(t.id())).map(BaselineTask::finish).findFirst().orElse(null);
                }
                if (due != null && due.isBefore(asOf)) {
                    out.add(new Occurrence(Cadence.Event.MILESTONE_MISSED, "milestone-missed:" + t.id(),
                            "The milestone " + t.name() + " was due " + due.toLocalDate() + " and is not reached."));
                }
            }
        }
        if (events.contains(Cadence.Event.RISK_TRIGGERED)) {
            for (Risk r : plan.risks()) {
                if (r.status() == RiskStatus.OCCURRED) {
                    out.add(new Occurrence(Cadence.Event.RISK_TRIGGERED, "risk-triggered:" + r.id(),
                            "The risk " + r.title() + " has occurred" + (r.contingency() == null ? "." : "; the contingency: " + r.contingency())));
                }
            }
        }
        if (events.contains(Cadence.Event.FORECAST_PAST_DEADLINE)) {
            if (plan.finish() != null && schedule.finish() != null && schedule.finish().isAfter(plan.finish())) {
                out.add(new Occurrence(Cadence.Event.FORECAST_PAST_DEADLINE, "forecast-past-deadline:plan",
                        "The forecast finish " + schedule.finish().toLocalDate() + " is past the plan's required finish " + plan.finish().toLocalDate() + "."));
            }
            for (Task t : plan.tasks()) {
                if (t.deadline() == null) {
                    continue;
                }
                schedule.task(t.id()).filter(s -> !s.done() && s.finish() != null && s.finish().isAfter(t.deadline())).ifPresent(s ->
                        out.add(new Occurrence(Cadence.Event.FORECAST_PAST_DEADLINE, "forecast-past-deadline:" + t.id(),
                                "The forecast finish of " + t.name() + ", " + s.finish().toLocalDate() + ", is past its deadline " + t.deadline().toLocalDate() + ".")));
            }
        }
        return out;
    }
}
