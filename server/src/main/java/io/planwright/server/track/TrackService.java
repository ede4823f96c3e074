package io.planwright.server.track;

import io.planwright.core.calendar.Moments;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.Plan;
import io.planwright.core.track.Baselines;
import io.planwright.core.track.ProjectStatus;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.NotFound;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A plan's status at a date against a baseline, for the API, the status page and the dashboard. */
@Service
public class TrackService {

    private final PlanService plans;

    public TrackService(PlanService plans) {
        this.plans = plans;
    }

    /**
     * The status at {@code asOf} (null: the plan's status date, else the end of today) against the baseline
     * of that id or name (null: the main one; none: the schedule's view alone).
     */
    public ProjectStatus status(PlanState state, LocalDateTime asOf, String baseline) {
        Plan plan = state.plan();
        Baseline b = baseline == null ? Baselines.find(plan, null).orElse(null)
                : Baselines.find(plan, baseline).orElseThrow(() -> new NotFound("baseline '" + baseline + "'"));
        LocalDateTime date = asOf != null ? asOf : plan.statusDate() != null ? plan.statusDate() : Moments.of(LocalDate.now(), Moments.Edge.FINISH);
        return ProjectStatus.of(plans.schedule(state), b, date);
    }
}
