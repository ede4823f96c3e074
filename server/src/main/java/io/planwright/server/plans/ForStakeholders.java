package io.planwright.server.plans;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint a plan's stakeholder members may use (what they see of the plan, the feedback they give,
 * the approvals asked of them): {@link PlanGate} lets any member through to it; the endpoint checks the
 * rest (an approval is the approver's). Every other endpoint of a plan needs a viewer or more.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForStakeholders {
}
