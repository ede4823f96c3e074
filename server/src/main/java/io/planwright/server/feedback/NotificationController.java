package io.planwright.server.feedback;

import io.planwright.server.plans.FeedbackRecords;
import io.planwright.server.plans.FeedbackStore;
import io.planwright.server.plans.PlanAccess;
import io.planwright.server.shared.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/** The caller's notifications (newest first), marking them read, and how they want them delivered. */
@RestController
@RequestMapping("/api/v1/notifications")
public class NotificationController {

    private final FeedbackRecords records;
    private final PlanAccess access;
    private final Clock clock;

    public NotificationController(FeedbackRecords records, PlanAccess access, Clock clock) {
        this.records = records;
        this.access = access;
        this.clock = clock;
    }

    /** Which notification to mark read (none: all). */
    public record Read(Long id) {
    }

    /** How notifications reach the user: in-app (only), each (an e-mail each) or digest (one e-mail a day), and where to. */
    public record Delivery(String delivery, String email) {
    }

    @GetMapping
    public List<FeedbackStore.Notification> list() {
        return records.notifications(access.account().id(), 100);
    }

    @PostMapping("/read")
    public long read(@RequestBody(required = false) Read body) {
        records.markRead(access.account().id(), body == null ? null : body.id(), LocalDateTime.now(clock));
        return records.unread(access.account().id());
    }

    @GetMapping("/settings")
    public Delivery settings() {
        FeedbackStore.Setting s = records.setting(access.account().id());
        return new Delivery(s.delivery(), s.email());
    }

    @PutMapping("/settings")
    public Delivery saveSettings(@RequestBody Delivery body) {
        String delivery = body == null || body.delivery() == null ? "" : body.delivery();
        if (!Notifications.DELIVERIES.contains(delivery)) {
            throw new FieldProblem("delivery", "delivery is in-app, each or digest");
        }
        String email = body.email() == null || body.email().isBlank() ? null : body.email().strip();
        if (email != null && (email.length() > 300 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            throw new FieldProblem("email", "an e-mail address such as ann@example.com");
        }
        if (!"in-app".equals(delivery) && email == null) {
            throw new FieldProblem("email", "say where to send the e-mails");
        }
        records.saveSetting(access.account().id(), delivery, email);
        return new Delivery(delivery, email);
    }
}
