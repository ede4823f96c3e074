package io.planwright.core.model;

/** People and equipment (work), consumables (material), and fixed costs such as travel (cost). */
public enum ResourceType {
    WORK,
    MATERIAL,
    COST
}
