package io.planwright.server.track;

import io.planwright.core.track.ForecastTrend;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The forecast finish of a plan as of each of its status dates (core's {@link ForecastTrend}): the plan as it
 * stood at the last revision before each change of its status date, and now. A revision never changes, so
 * each point is computed once and kept (the most recent 2,000).
 */
@Component
public class ForecastTrends {

    /** How far back the history is read for status dates. */
    static final int HISTORY = 500;

    private final PlanService plans;
    private final Map<String, Optional<ForecastTrend.Point>> points = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<ForecastTrend.Point>> eldest) {
            return size() > 2_000;
        }
    });

    public ForecastTrends(PlanService plans) {
        this.plans = plans;
    }

    /** One point per status date, oldest first; empty when the plan never had a status date. */
    public List<ForecastTrend.Point> of(long planId, PlanState current) {
        Set<Long> revisions = new LinkedHashSet<>();
        revisions.add(current.revision());
        revisions.addAll(plans.revisionsBeforeStatusDateChanges(planId, HISTORY));
        List<ForecastTrend.Point> out = new ArrayList<>();
        for (long revision : revisions) {
            point(planId, revision, revision == current.revision() ? current : null).ifPresent(out::add);
        }
        return ForecastTrend.series(out);
    }

    private Optional<ForecastTrend.Point> point(long planId, long revision, PlanState known) {
        String key = planId + ":" + revision;
        Optional<ForecastTrend.Point> p = points.get(key);
        if (p == null) {
            PlanState state = known != null ? known : plans.at(planId, revision).orElse(null);
            ForecastTrend.Point computed = null;
            if (state != null) {
                try {
                    computed = ForecastTrend.at(state.plan(), revision);
                } catch (RuntimeException e) {
                    computed = null; // a revision that cannot be scheduled has no forecast
                }
            }
            p = Optional.ofNullable(computed);
            points.put(key, p);
        }
        return p;
    }
}
