package io.planwright.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One line of the communication plan: what goes to whom (stakeholders or roles), why, how, how
 * often, and who sends it; and, when it runs, its schedule (a cadence such as {@code weekly fri 14:00},
 * see {@code core.communication.Cadence}), the webhook it is also posted to, the report sections it holds,
 * and the questions its recipients answer on its feedback form besides their confidence in the plan.
 */
public record CommunicationItem(String id, String name, String purpose, List<String> audience, String channel,
                                Frequency frequency, String owner, String content, String schedule, String webhook,
                                List<String> sections, List<String> questions) {

    public CommunicationItem {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        audience = audience == null ? List.of() : List.copyOf(audience);
        sections = sections == null ? List.of() : List.copyOf(sections);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /** An item that only documents the plan (no schedule, webhook, sections or questions). */
    public CommunicationItem(String id, String name, String purpose, List<String> audience, String channel,
                             Frequency frequency, String owner, String content) {
        this(id, name, purpose, audience, channel, frequency, owner, content, null, null, List.of(), List.of());
    }

    /** The same item with another schedule. */
    public CommunicationItem withSchedule(String value) {
        return new CommunicationItem(id, name, purpose, audience, channel, frequency, owner, content, value, webhook, sections, questions);
    }
}
