package io.planwright.server.plans;

import io.planwright.core.model.Plan;

import java.util.Map;

/**
 * A plan as stored at one revision: the model, and where each entry stands in its collection
 * (positions, by kind and id), so that a change can be written as the few rows it touches.
 */
public record PlanState(long planId, long revision, Plan plan, Map<String, Map<String, Long>> positions) {
}
