package io.planwright.server.communication;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A link in each recipient's message that takes them to a feedback form about it: the feedback feature's
 * signed, expiring, single-use links ({@link Signed}).
 */
public interface FeedbackLinks {

    Optional<String> linkFor(long planId, String itemId, String recipient);

    /** The feedback feature's signed links, for a recipient who is one of the plan's stakeholders. */
    @Component
    class Signed implements FeedbackLinks {
        private final io.planwright.server.feedback.FeedbackLinks links;

        public Signed(io.planwright.server.feedback.FeedbackLinks links) {
            this.links = links;
        }

        @Override
        public Optional<String> linkFor(long planId, String itemId, String recipient) {
            return links.linkFor(planId, itemId, recipient);
        }
    }
}
