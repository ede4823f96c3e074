package io.planwright.core.track;

import io.planwright.core.cost.Costs;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Saving, clearing and choosing baselines, as MS Project does: the main baseline ({@code baseline})
 * and Baseline 1 to 10 ({@code baseline1} .. {@code baseline10}), each a copy of every task's start,
 * finish, duration, work and cost at the moment it was saved. Earned value spreads a baseline's cost
 * over its task's working time, so nothing more needs keeping for the planned value.
 */
public final class Baselines {

    /** The main baseline's id. */
    public static final String MAIN = "baseline";
    private static final Pattern ID = Pattern.compile("baseline([1-9]|10)?");

    private Baselines() {
    }

    /** True for {@code baseline} and {@code baseline1} to {@code baseline10}. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The name MS Project gives a baseline: "Baseline", "Baseline 1" .. "Baseline 10". */
    public static String defaultName(String id) {
        return MAIN.equals(id) ? "Baseline" : "Baseline " + id.substring(MAIN.length());
    }

    /** The ids a plan may use, in MS Project's order. */
    public static List<String> ids() {
        List<String> out = new ArrayList<>();
        out.add(MAIN);
        for (int i = 1; i <= 10; i++) {
            out.add(MAIN + i);
        }
        return out;
    }

    /** A baseline of the plan as scheduled now: every task's dates, duration, work and cost. */
    public static Baseline capture(Plan plan, PlanSchedule schedule, String id, String name, LocalDateTime savedAt) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a baseline: use baseline or baseline1 to baseline10");
        }
        Map<String, Double> costs = Costs.taskCosts(plan, schedule);
        Map<String, Double> work = Costs.taskWork(plan, schedule);
        Map<String, String> parents = new HashMap<>();
        plan.tasks().forEach(t -> parents.put(t.id(), t.parentId()));
        Map<String, Double[]> sums = new HashMap<>();   // summaries: their tasks' work and cost
        for (Task t : plan.tasks()) {
            if (costs.containsKey(t.id())) {
                for (String p = t.parentId(); p != null; p = parents.get(p)) {
                    Double[] s = sums.computeIfAbsent(p, k -> new Double[] {0.0, 0.0});
                    s[0] += work.getOrDefault(t.id(), 0.0);
                    s[1] += costs.get(t.id());
                }
            }
        }
        List<BaselineTask> tasks = new ArrayList<>();
        for (Task t : plan.tasks()) {
            Optional<ScheduledTask> st = schedule.task(t.id());
            if (st.isEmpty()) {
                continue;
            }
            ScheduledTask s = st.get();
            double w = sums.containsKey(t.id()) ? sums.get(t.id())[0] : work.getOrDefault(t.id(), 0.0);
            double c = sums.containsKey(t.id()) ? sums.get(t.id())[1] : costs.getOrDefault(t.id(), 0.0);
            tasks.add(new BaselineTask(t.id(), s.start(), s.finish(), duration(plan, s), Duration.hours(round(w)),
                    BigDecimal.valueOf(c).setScale(2, RoundingMode.HALF_UP)));
        }
        return new Baseline(id, name == null || name.isBlank() ? defaultName(id) : name, savedAt, tasks);
    }

    /** The plan with the baseline saved under its id (replacing one of that id, else added in MS Project's order). */
    public static Plan save(Plan plan, Baseline baseline) {
        List<Baseline> out = new ArrayList<>();
        boolean placed = false;
        for (Baseline b : plan.baselines()) {
            if (b.id().equals(baseline.id())) {
                out.add(baseline);
                placed = true;
            } else {
                out.add(b);
            }
        }
        if (!placed) {
            out.add(baseline);
            List<String> order = ids();
            out.sort((x, y) -> Integer.compare(rank(order, x.id()), rank(order, y.id())));
        }
        return plan.toBuilder().baselines(out).build();
    }

    /**
     * The plan with baseline {@code from} copied under id {@code to} (MS Project's "copy Baseline 1 to Baseline"):
     * an earlier baseline restored as the one progress is measured against, keeping its name and when it was
     * saved. Empty when the plan has no baseline {@code from}.
     */
    public static Optional<Plan> copy(Plan plan, String from, String to) {
        if (!isValidId(to)) {
            throw new IllegalArgumentException("'" + to + "' is not a baseline: use baseline or baseline1 to baseline10");
        }
        return find(plan, from).map(b -> save(plan, new Baseline(to, b.name(), b.savedAt(), b.tasks())));
    }

    /** The plan without the baseline of that id; empty when it has none of that id. */
    public static Optional<Plan> clear(Plan plan, String id) {
        List<Baseline> out = new ArrayList<>(plan.baselines());
        if (!out.removeIf(b -> b.id().equals(id))) {
            return Optional.empty();
        }
        return Optional.of(plan.toBuilder().baselines(out).build());
    }

    /** The plan's baseline of that id, or with a null id its main one (the first). */
    public static Optional<Baseline> find(Plan plan, String id) {
        if (id == null) {
            return plan.baselines().stream().findFirst();
        }
        return plan.baselines().stream().filter(b -> b.id().equals(id) || b.name().equalsIgnoreCase(id)).findFirst();
    }

    /** The latest finish a baseline recorded, or null. */
    public static LocalDateTime finish(Baseline b) {
        return b.tasks().stream().map(BaselineTask::finish).filter(java.util.Objects::nonNull).max(LocalDateTime::compareTo).orElse(null);
    }

    private static int rank(List<String> order, String id) {
        int i = order.indexOf(id);
        return i < 0 ? order.size() : i;
    }

    private static Duration duration(Plan plan, ScheduledTask s) {
        if (s.elapsed()) {
            return Duration.of(round(s.durationMinutes() / 1440.0), io.planwright.core.model.TimeUnit.ELAPSED_DAYS);
        }
        return Duration.days(round(s.durationMinutes() / (double) plan.workTime().minutesPerDay()));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
