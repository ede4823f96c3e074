package io.planwright.core.model;

/** Risk response strategies for threats. */
public enum RiskResponse {
    AVOID,
    MITIGATE,
    TRANSFER,
    ACCEPT,
    ESCALATE
}
