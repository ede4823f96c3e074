package io.planwright.core.model;

/** How a three-point estimate is turned into a probability distribution. */
public enum Distribution {
    TRIANGULAR,
    PERT
}
