package io.planwright.server.communication;

import io.planwright.core.model.CommunicationItem;
import io.planwright.server.plans.PlanState;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What a communication item says when it goes out: a subject, an e-mail HTML body (inline styles only, as
 * mail clients want) and, optionally, a PDF of the same report. The scheduler, send now and preview all call
 * this one method; the composer neither sends nor stores. A composer is called once per recipient so that
 * it can add what is theirs (a feedback link, see {@link FeedbackLinks}); the webhook and the inbox get
 * the message composed for {@link Recipient#everyone()}.
 *
 * <p>{@link FullReportComposer} renders the reports feature's status report.
 */
public interface ReportComposer {

    /** Who a message is for: their name and address, or everyone (the webhook, the inbox, a preview). */
    record Recipient(String name, String address) {
        public static Recipient everyone() {
            return new Recipient(null, null);
        }
    }

    /** A file attached to the message. */
    record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /** The composed message. */
    record Composed(String subject, String html, Optional<Attachment> pdf) {
    }

    /**
     * @param asOf the period's moment (the fire time, in the plan's time zone), which the report is as of
     * @param r    who it is for
     */
    Composed compose(long planId, PlanState state, CommunicationItem item, LocalDateTime asOf, Recipient r);
}
