package io.planwright.server.communication;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A link in each recipient's message that takes them to a feedback form about it. None by default; a
 * feedback feature provides the real links by being a {@code @Primary} bean of this type.
 */
public interface FeedbackLinks {

    Optional<String> linkFor(long planId, String itemId, String recipient);

    /** No feedback links. */
    @Component
    class None implements FeedbackLinks {
        @Override
        public Optional<String> linkFor(long planId, String itemId, String recipient) {
            return Optional.empty();
        }
    }
}
