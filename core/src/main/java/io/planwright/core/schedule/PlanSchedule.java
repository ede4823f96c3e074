package io.planwright.core.schedule;

import io.planwright.core.model.Plan;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** A plan's computed schedule: the tasks in WBS order, the project's dates, the critical path and warnings. */
public record PlanSchedule(Plan plan, List<ScheduledTask> tasks, LocalDateTime start, LocalDateTime finish,
                           List<String> criticalPath, List<ScheduleWarning> warnings, Schedule raw) {

    public PlanSchedule {
        tasks = List.copyOf(tasks);
        criticalPath = List.copyOf(criticalPath);
        warnings = List.copyOf(warnings);
    }

    public Optional<ScheduledTask> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public long criticalTaskCount() {
        return tasks.stream().filter(t -> t.critical() && t.type() != ScheduledTask.Kind.SUMMARY).count();
    }
}
