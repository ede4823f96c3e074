package io.planwright.server.plans;

import java.util.Set;

/**
 * The tasks applied change requests brought into a plan: the scope guard on the dashboard and in the status
 * report leaves them out. The change control feature provides it.
 */
public interface AppliedChanges {

    Set<String> tasks(long planId);
}
