package io.planwright.server.plans;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A change of a plan that a contributor may ask for (reporting progress on their own work): {@link PlanGate}
 * lets contributors through to it instead of requiring an editor; the endpoint checks the rest (the
 * task is their resource's). Every other change of a plan needs an editor.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ForContributors {
}
