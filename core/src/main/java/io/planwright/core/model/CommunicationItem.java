package io.planwright.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One line of the communication plan: what goes to whom (stakeholders or roles), why, how, how
 * often, and who sends it.
 */
public record CommunicationItem(String id, String name, String purpose, List<String> audience, String channel,
                                Frequency frequency, String owner, String content) {

    public CommunicationItem {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        audience = audience == null ? List.of() : List.copyOf(audience);
    }
}
