package io.planwright.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One line of the communication plan: what goes to whom (stakeholders or roles), why, how, how
 * often, and who sends it; the questions its recipients answer on its feedback form besides their confidence in the plan.
 */
public record CommunicationItem(String id, String name, String purpose, List<String> audience, String channel,
                                Frequency frequency, String owner, String content, List<String> questions) {

    public CommunicationItem {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        audience = audience == null ? List.of() : List.copyOf(audience);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
