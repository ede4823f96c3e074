package io.planwright.core.model;

/** Where a risk stands. */
public enum RiskStatus {
    /** Identified and being watched. */
    OPEN,
    /** The trigger fired: the risk is happening and the contingency runs. */
    OCCURRED,
    /** No longer a risk. */
    CLOSED
}
