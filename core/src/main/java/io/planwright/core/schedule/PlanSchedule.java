package io.planwright.core.schedule;

import io.planwright.core.model.Plan;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A plan's computed schedule: the tasks in WBS order, the project's dates, the critical path and warnings. */
public record PlanSchedule(Plan plan, List<ScheduledTask> tasks, LocalDateTime start, LocalDateTime finish,
                           List<String> criticalPath, List<ScheduleWarning> warnings, Schedule raw, Map<String, ScheduledTask> byId) {

    public PlanSchedule {
        tasks = List.copyOf(tasks);
        criticalPath = List.copyOf(criticalPath);
        warnings = List.copyOf(warnings);
        Map<String, ScheduledTask> index = new HashMap<>();
        tasks.forEach(t -> index.put(t.id(), t));
        byId = Collections.unmodifiableMap(index);
    }

    public PlanSchedule(Plan plan, List<ScheduledTask> tasks, LocalDateTime start, LocalDateTime finish, List<String> criticalPath,
                        List<ScheduleWarning> warnings, Schedule raw) {
        this(plan, tasks, start, finish, criticalPath, warnings, raw, Map.of());
    }

    public Optional<ScheduledTask> task(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Each chain of critical tasks by id: the critical path first, then those that deadlines and constraints make (see {@link Schedule#criticalChains}). */
    public List<List<String>> criticalChains() {
        if (raw == null) {
            return criticalPath.isEmpty() ? List.of() : List.of(criticalPath);
        }
        List<List<String>> out = new java.util.ArrayList<>();
        for (List<Integer> chain : raw.criticalChains()) {
            out.add(chain.stream().map(i -> tasks.get(i).id()).toList());
        }
        return out;
    }

    public long criticalTaskCount() {
        return tasks.stream().filter(t -> t.critical() && t.type() != ScheduledTask.Kind.SUMMARY).count();
    }
}
