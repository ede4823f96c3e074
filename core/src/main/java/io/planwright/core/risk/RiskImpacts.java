package io.planwright.core.risk;

import io.planwright.core.model.CostEstimate;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulation takes from each risk of the register: the probability it uses (an occurred risk
 * for certain, a closed one not at all), the mean delay and cost when it occurs, and their expected
 * values (probability times mean), for the risk register to show beside each risk.
 */
public final class RiskImpacts {

    /** A risk as modelled: probability, mean delay (working days) and cost when it occurs, and the expected delay and cost. */
    public record Modelled(double probability, double meanDelayDays, double meanCost, double expectedDelayDays, double expectedCost) {
    }

    private RiskImpacts() {
    }

    public static Map<String, Modelled> of(Plan plan) {
        Distribution fallback = plan.defaultDistribution() == null ? Distribution.TRIANGULAR : plan.defaultDistribution();
        double perDay = plan.workTime().minutesPerDay();
        Map<String, Modelled> out = new LinkedHashMap<>();
        for (Risk r : plan.risks()) {
            double p = r.effectiveProbability();
            double delay = 0;
            Estimate e = r.scheduleImpact();
            if (e != null) {
                double o = e.optimistic().minutes(plan.workTime());
                double m = e.mostLikely().minutes(plan.workTime());
                double x = e.pessimistic().minutes(plan.workTime());
                Distribution d = e.distribution() == null ? fallback : e.distribution();
                delay = (d == Distribution.PERT ? (o + 4 * m + x) / 6 : (o + m + x) / 3) / perDay;
            }
            double cost = 0;
            CostEstimate c = r.costImpact();
            if (c != null) {
                cost = (c.optimistic().doubleValue() + c.mostLikely().doubleValue() + c.pessimistic().doubleValue()) / 3;
            }
            out.put(r.id(), new Modelled(p, delay, cost, p * delay, p * cost));
        }
        return out;
    }
}
