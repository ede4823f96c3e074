package io.planwright.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entry of the risk register. Probability is 0 to 1. When the risk occurs it delays the linked
 * tasks by the schedule impact and costs the cost impact (both may be three-point). Impact is the
 * qualitative rating used in the probability-impact matrix.
 */
public record Risk(String id, String title, String description, String cause, String effect, String category,
                   double probability, Level impact, Estimate scheduleImpact, CostEstimate costImpact, String owner,
                   RiskResponse response, String mitigation, String contingency, String trigger, RiskStatus status,
                   List<String> taskIds) {

    public Risk {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        status = status == null ? RiskStatus.OPEN : status;
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }

    /**
     * The chance the risk still has of occurring, as the analysis uses it: a closed risk never occurs, an
     * occurred one does for certain, an open one by its probability.
     */
    public double effectiveProbability() {
        return status == RiskStatus.CLOSED ? 0 : status == RiskStatus.OCCURRED ? 1 : probability;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public static final class Builder {
        private final String id;
        private String title;
        private String description;
        private String cause;
        private String effect;
        private String category;
        private double probability;
        private Level impact;
        private Estimate scheduleImpact;
        private CostEstimate costImpact;
        private String owner;
        private RiskResponse response;
        private String mitigation;
        private String contingency;
        private String trigger;
        private RiskStatus status = RiskStatus.OPEN;
        private List<String> taskIds = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder title(String v) { this.title = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder cause(String v) { this.cause = v; return this; }
        public Builder effect(String v) { this.effect = v; return this; }
        public Builder category(String v) { this.category = v; return this; }
        public Builder probability(double v) { this.probability = v; return this; }
        public Builder impact(Level v) { this.impact = v; return this; }
        public Builder scheduleImpact(Estimate v) { this.scheduleImpact = v; return this; }
        public Builder costImpact(CostEstimate v) { this.costImpact = v; return this; }
        public Builder owner(String v) { this.owner = v; return this; }
        public Builder response(RiskResponse v) { this.response = v; return this; }
        public Builder mitigation(String v) { this.mitigation = v; return this; }
        public Builder contingency(String v) { this.contingency = v; return this; }
        public Builder trigger(String v) { this.trigger = v; return this; }
        public Builder status(RiskStatus v) { this.status = v; return this; }
        public Builder taskIds(List<String> v) { this.taskIds = new ArrayList<>(v); return this; }

        public Risk build() {
            return new Risk(id, title, description, cause, effect, category, probability, impact, scheduleImpact, costImpact,
                    owner, response, mitigation, contingency, trigger, status, taskIds);
        }
    }
}
