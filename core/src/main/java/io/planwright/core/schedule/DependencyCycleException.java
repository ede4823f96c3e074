package io.planwright.core.schedule;

import java.util.List;

/** The links of a plan loop back on themselves, so no task of the loop can ever start. */
public final class DependencyCycleException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Integer> tasks;

    public DependencyCycleException(List<Integer> tasks) {
        super("dependency cycle through tasks " + tasks);
        this.tasks = List.copyOf(tasks);
    }

    /** Task numbers of one cycle, in link order (the first follows the last). */
    public List<Integer> tasks() {
        return tasks;
    }
}
