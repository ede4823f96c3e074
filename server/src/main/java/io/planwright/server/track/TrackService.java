package io.planwright.server.track;

import io.planwright.core.track.ProjectStatus;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.shared.NotFound;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A plan's status at a date against a baseline, for the API and the status page. */
@Service
public class TrackService {

    private final PlanService plans;

    public TrackService(PlanService plans) {
        this.plans = plans;
    }

    /** See {@link ProjectStatus#of(io.planwright.core.schedule.PlanSchedule, String, LocalDateTime, LocalDate)}; a missing baseline is not found. */
    public ProjectStatus status(PlanState state, LocalDateTime asOf, String baseline) {
        try {
            return ProjectStatus.of(plans.schedule(state), baseline, asOf, LocalDate.now());
        } catch (ProjectStatus.UnknownBaseline e) {
            throw new NotFound("baseline '" + baseline + "'");
        }
    }
}
