package io.planwright.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A person, team, piece of equipment (work), a consumable (material) or a cost item. Max units is a
 * fraction: 1.0 is one full-time person, 3.0 a team of three.
 */
public record Resource(String id, String name, ResourceType type, double maxUnits, Rate standardRate, Rate overtimeRate,
                       BigDecimal costPerUse, String calendarId, String materialLabel, String email, String group) {

    public Resource {
        Objects.requireNonNull(id, "id");
        type = type == null ? ResourceType.WORK : type;
        name = name == null ? id : name;
        costPerUse = Money.normalize(costPerUse);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.type = type;
        b.maxUnits = maxUnits;
        b.standardRate = standardRate;
        b.overtimeRate = overtimeRate;
        b.costPerUse = costPerUse;
        b.calendarId = calendarId;
        b.materialLabel = materialLabel;
        b.email = email;
        b.group = group;
        return b;
    }

    public static final class Builder {
        private final String id;
        private String name;
        private ResourceType type = ResourceType.WORK;
        private double maxUnits = 1.0;
        private Rate standardRate;
        private Rate overtimeRate;
        private BigDecimal costPerUse;
        private String calendarId;
        private String materialLabel;
        private String email;
        private String group;

        private Builder(String id) {
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder type(ResourceType v) { this.type = v; return this; }
        public Builder maxUnits(double v) { this.maxUnits = v; return this; }
        public Builder standardRate(Rate v) { this.standardRate = v; return this; }
        public Builder overtimeRate(Rate v) { this.overtimeRate = v; return this; }
        public Builder costPerUse(BigDecimal v) { this.costPerUse = v; return this; }
        public Builder calendarId(String v) { this.calendarId = v; return this; }
        public Builder materialLabel(String v) { this.materialLabel = v; return this; }
        public Builder email(String v) { this.email = v; return this; }
        public Builder group(String v) { this.group = v; return this; }

        public Resource build() {
            return new Resource(id, name, type, maxUnits, standardRate, overtimeRate, costPerUse, calendarId, materialLabel, email, group);
        }
    }
}
