package io.planwright.server.communication;

import io.planwright.server.accounts.Accounts;
import io.planwright.server.communication.CommunicationService.Channel;
import io.planwright.server.communication.Outbox.Message;
import io.planwright.server.communication.Outbox.Status;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.plans.PlanAccess.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The communication plan at work over HTTP: the outbox (with a status filter) and each e-mail as .eml,
 * pausing, resuming and sending an item now (owners and editors), its preview (the message composed,
 * not sent), the plan's secrets (owners; shown once), and the caller's inbox.
 */
@RestController
public class CommunicationController {

    private final CommunicationService communication;
    private final PlanAccess access;

    public CommunicationController(CommunicationService communication, PlanAccess access) {
        this.communication = communication;
        this.access = access;
    }

    /** A message of the outbox (times in UTC); the body is in the preview and the .eml. */
    public record MessageView(long id, String itemId, String period, String channel, String recipients, String subject, String status,
                              int attempts, LocalDateTime nextAttemptAt, String lastError, LocalDateTime createdAt, LocalDateTime sentAt,
                              String attachmentName) {
        static MessageView of(Message m) {
            return new MessageView(m.id(), m.itemId(), m.periodKey(), m.channel(), m.recipients(), m.subject(), m.status().text(), m.attempts(),
                    m.status() == Status.PENDING ? m.nextAttemptAt() : null, m.lastError(), m.createdAt(), m.sentAt(), m.attachmentName());
        }
    }

    /** A scheduled item's state: its schedule, the next time it goes out (in the plan's time zone), paused, and its last message. */
    public record ItemStateView(String itemId, String schedule, String scheduleProblem, OffsetDateTime nextSendAt, boolean paused,
                                List<String> channels, MessageView lastMessage) {
        static ItemStateView of(CommunicationService.ItemState s) {
            return new ItemStateView(s.itemId(), s.schedule(), s.cadenceError(), s.nextSendAt() == null ? null : s.nextSendAt().toOffsetDateTime(),
                    s.paused(), s.channels().stream().map(Channel::text).toList(), s.last() == null ? null : MessageView.of(s.last()));
        }
    }

    /** What an item would send now: subject, HTML, recipients, the audience it cannot reach and why, channels, attachment. */
    public record PreviewView(String subject, String html, List<String> recipients, List<String> unreached, List<String> channels,
                              String attachmentName, OffsetDateTime nextSendAt) {
    }

    /** The plan's new secrets, shown this once: the webhook signing key and the calendar feed's address. */
    public record SecretsView(String webhookSecret, String calendarPath) {
    }

    /** An in-app message. */
    public record InboxView(long id, long planId, String subject, String html, LocalDateTime createdAt) {
    }

    /** The plan's outbox, newest first; {@code status}: pending, sending, sent, failed, not-sent-no-mail-server or paused. */
    @GetMapping("/api/v1/plans/{planId}/outbox")
    public List<MessageView> listOutbox(@PathVariable long planId, @RequestParam(required = false) String status) {
        access.require(planId, Role.VIEWER);
        Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Status.of(status.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status: '" + status + "' is not a status; use pending, sending, sent, failed, not-sent-no-mail-server or paused");
            }
        }
        return communication.outbox(planId, s).stream().map(MessageView::of).toList();
    }

    /** An e-mail of the outbox as an .eml file, as it was or would be sent (for one not sent for want of a mail server). */
    @GetMapping(value = "/api/v1/plans/{planId}/outbox/{messageId}/eml", produces = "message/rfc822")
    public ResponseEntity<byte[]> outboxEml(@PathVariable long planId, @PathVariable long messageId) {
        access.require(planId, Role.VIEWER);
        byte[] eml = communication.eml(planId, messageId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("message-" + messageId + ".eml").build().toString())
                .body(eml);
    }

    /** Every communication item's state: schedule, next send time, paused, last message. */
    @GetMapping("/api/v1/plans/{planId}/communication-schedule")
    public List<ItemStateView> communicationSchedule(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        return communication.states(planId).stream().map(ItemStateView::of).toList();
    }

    /** Pauses an item's schedule: nothing goes out until it is resumed (messages waiting are held as paused). */
    @PostMapping("/api/v1/plans/{planId}/communications/{itemId}/pause")
    public ItemStateView pauseCommunication(@PathVariable long planId, @PathVariable String itemId) {
        access.require(planId, Role.EDITOR);
        return ItemStateView.of(communication.pause(planId, itemId, true));
    }

    /** Resumes a paused item. */
    @PostMapping("/api/v1/plans/{planId}/communications/{itemId}/resume")
    public ItemStateView resumeCommunication(@PathVariable long planId, @PathVariable String itemId) {
        access.require(planId, Role.EDITOR);
        return ItemStateView.of(communication.pause(planId, itemId, false));
    }

    /** Composes the item now and sends it, outside its schedule: the messages written, as they stand after the first attempt. */
    @PostMapping("/api/v1/plans/{planId}/communications/{itemId}/send-now")
    public List<MessageView> sendCommunicationNow(@PathVariable long planId, @PathVariable String itemId) {
        access.require(planId, Role.EDITOR);
        return communication.sendNow(planId, itemId).stream().map(MessageView::of).toList();
    }

    /** The item's message as it would go out now, without sending it. */
    @GetMapping("/api/v1/plans/{planId}/communications/{itemId}/preview")
    public PreviewView previewCommunication(@PathVariable long planId, @PathVariable String itemId) {
        access.require(planId, Role.VIEWER);
        CommunicationService.Preview p = communication.preview(planId, itemId);
        return new PreviewView(p.subject(), p.html(), p.recipients(), p.unreached(), p.channels().stream().map(Channel::text).toList(),
                p.attachmentName(), p.nextSendAt() == null ? null : p.nextSendAt().toOffsetDateTime());
    }

    /**
     * New secrets for the plan, shown this once: the key webhook posts are signed with, and the calendar feed's
     * address with its token (for calendar apps, no sign-in). The earlier ones stop working.
     */
    @PostMapping("/api/v1/plans/{planId}/communication-secrets")
    public SecretsView newCommunicationSecrets(@PathVariable long planId) {
        access.require(planId, Role.OWNER);
        CommunicationService.NewSecrets s = communication.newSecrets(planId);
        return new SecretsView(s.webhookSecret(), "/plans/" + planId + "/calendar.ics?token=" + s.calendarToken());
    }

    /** The caller's in-app messages, newest first. */
    @GetMapping("/api/v1/me/inbox")
    public List<InboxView> myInbox() {
        String user = Accounts.current().orElseThrow().getUsername();
        return communication.inbox(user).stream().map(e -> new InboxView(e.id(), e.planId(), e.subject(), e.bodyHtml(), e.createdAt())).toList();
    }
}
