package io.planwright.server.feedback;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.server.plans.FeedbackRecords;
import io.planwright.server.plans.FeedbackStore;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.server.plans.PlanStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-app notifications, once per user and event: a task assigned to you (a member linked to a resource),
 * due within {@code planwright.notifications.due-days} days (3 unless set), overdue, a risk's trigger date
 * reached (a date in its trigger, for the member linked to its owner), an approval asked of you, a change
 * to a task you are Responsible or Accountable for. A scheduled scan ({@code planwright.notifications.scan},
 * every 10 minutes) makes them and e-mails them to those who chose it (each, or one daily digest at 7:00)
 * through the {@link Mailer}. The time is the injected {@link Clock}'s.
 */
@Service
public class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    public static final List<String> DELIVERIES = List.of("in-app", "each", "digest");

    private final FeedbackRecords records;
    private final PlanService plans;
    private final Mailer mailer;
    private final Clock clock;
    private final int dueDays;

    public Notifications(FeedbackRecords records, PlanService plans, Mailer mailer, Clock clock, @Value("${planwright.notifications.due-days:3}") int dueDays) {
        this.records = records;
        this.plans = plans;
        this.mailer = mailer;
        this.clock = clock;
        this.dueDays = dueDays;
    }

    /** The approver's member (linked to them) is asked in the application. */
    void approvalAsked(long planId, Plan plan, long approvalId, String itemName, String approver, LocalDateTime now) {
        for (FeedbackStore.Linked m : records.linkedMembers(planId)) {
            if (approver.equals(m.stakeholderId()) || approver.equals(m.resourceId())) {
                records.notify(m.userId(), planId, "approval", "Your approval is asked: " + itemName + " (" + plan.name() + ")",
                        "/plans/" + planId + "/sign-off", "approval:" + approvalId, now);
            }
        }
    }

    @Scheduled(fixedDelayString = "${planwright.notifications.scan:600000}", initialDelayString = "${planwright.notifications.first-scan:60000}")
    public void scheduled() {
        try {
            scanAll();
            mail(false);
        } catch (RuntimeException e) {
            LOG.warn("the notifications' scan failed", e);
        }
    }

    @Scheduled(cron = "${planwright.notifications.digest:0 0 7 * * *}")
    public void digest() {
        mail(true);
    }

    public void scanAll() {
        for (long planId : records.planIds()) {
            try {
                scan(planId);
            } catch (RuntimeException e) {
                LOG.warn("could not look at plan {} for notifications", planId, e);
            }
        }
    }

    /** Makes the notifications the plan calls for now (those made already are not made again). */
    public void scan(long planId) {
        PlanState state = plans.current(planId);
        Plan plan = state.plan();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        PlanSchedule schedule;
        try {
            schedule = plans.schedule(state);
        } catch (RuntimeException e) {
            schedule = null;
        }
        List<FeedbackStore.Linked> members = records.linkedMembers(planId);
        String link = "/plans/" + planId;
        for (FeedbackStore.Linked m : members) {
            if (m.resourceId() != null) {
                for (Task t : plan.tasks()) {
                    if (t.assignments().stream().map(Assignment::resourceId).noneMatch(m.resourceId()::equals) || t.actualFinish() != null
                            || t.percentComplete() >= 100) {
                        continue;
                    }
                    records.notify(m.userId(), planId, "assigned", "Assigned to you: " + t.name() + " (" + plan.name() + ")", link + "/my-work",
                            "assigned:" + planId + ":" + t.id(), now);
                    LocalDateTime finish = schedule == null ? null : schedule.task(t.id()).map(io.planwright.core.schedule.ScheduledTask::finish).orElse(null);
                    if (finish != null && finish.isBefore(now)) {
                        records.notify(m.userId(), planId, "overdue", "Overdue: " + t.name() + " was due " + finish.toLocalDate(), link + "/my-work",
                                "overdue:" + planId + ":" + t.id() + ":" + finish.toLocalDate(), now);
                    } else if (finish != null && !finish.toLocalDate().isAfter(today.plusDays(dueDays))) {
                        records.notify(m.userId(), planId, "due", "Due " + finish.toLocalDate() + ": " + t.name(), link + "/my-work",
                                "due:" + planId + ":" + t.id() + ":" + finish.toLocalDate(), now);
                    }
                }
            }
            for (Risk r : plan.risks()) {
                if (r.status() == RiskStatus.CLOSED || r.owner() == null || r.trigger() == null
                        || !(r.owner().equals(m.resourceId()) || r.owner().equals(m.stakeholderId()))) {
                    continue;
                }
                Matcher d = DATE.matcher(r.trigger());
                if (d.find() && !LocalDate.parse(d.group(1)).isAfter(today)) {
                    records.notify(m.userId(), planId, "risk", "A risk's trigger date is reached: " + r.title() + " (" + d.group(1) + ")",
                            link + "/risks", "risk:" + planId + ":" + r.id() + ":" + d.group(1), now);
                }
            }
        }
        changesToRaci(planId, state, members, now);
    }

    /** The tasks changed since the last scan, for the members linked to their Responsible or Accountable (not who changed them). */
    private void changesToRaci(long planId, PlanState state, List<FeedbackStore.Linked> members, LocalDateTime now) {
        Optional<Long> seen = records.scanned(planId);
        records.scannedUpTo(planId, state.revision());
        if (seen.isEmpty() || seen.get() >= state.revision()) {
            return; // the first look at a plan starts from now
        }
        int count = (int) Math.min(500, state.revision() - seen.get());
        for (PlanStore.Revision r : plans.history(planId, count, false)) {
            if (r.revision() <= seen.get()) {
                continue;
            }
            Set<String> tasks = new HashSet<>();
            r.changes().stream().filter(c -> "task".equals(c.kind()) || "tasks".equals(c.kind())).forEach(c -> tasks.add(c.itemId()));
            for (String id : tasks) {
                Task t = state.plan().task(id).orElse(null);
                if (t == null) {
                    continue;
                }
                for (RaciEntry e : t.raci()) {
                    if (e.role() != RaciRole.R && e.role() != RaciRole.A) {
                        continue;
                    }
                    for (FeedbackStore.Linked m : members) {
                        if ((e.party().equals(m.resourceId()) || e.party().equals(m.stakeholderId())) && !m.username().equals(r.user())) {
                            records.notify(m.userId(), planId, "changed", "Changed by " + r.user() + ": " + t.name() + " (you are " + e.role() + ")",
                                    "/plans/" + planId + "/history?change=" + r.revision(), "changed:" + planId + ":" + id + ":" + r.revision(), now);
                        }
                    }
                }
            }
        }
    }

    /** E-mails what is not mailed yet: to those who want each, or (digest) to those who want one a day. */
    public void mail(boolean digest) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (FeedbackStore.Setting s : records.mailingSettings()) {
            if (digest != "digest".equals(s.delivery())) {
                continue;
            }
            List<FeedbackStore.Notification> list = records.unmailed(s.userId());
            if (list.isEmpty()) {
                continue;
            }
            if (digest) {
                StringBuilder html = new StringBuilder("<p>What happened in your plans:</p><ul>");
                list.forEach(n -> html.append("<li>").append(HtmlUtils.htmlEscape(n.subject())).append("</li>"));
                html.append("</ul>");
                boolean sent = mailer.send(s.email(), "Planwright: " + list.size() + " notifications", html.toString());
                records.mailed(list.stream().map(FeedbackStore.Notification::id).toList(), now, sent ? null : MailServer.NO_MAIL_SERVER);
            } else {
                for (FeedbackStore.Notification n : list) {
                    boolean sent = mailer.send(s.email(), "Planwright: " + n.subject(), "<p>" + HtmlUtils.htmlEscape(n.subject()) + "</p>");
                    records.mailed(List.of(n.id()), now, sent ? null : MailServer.NO_MAIL_SERVER);
                }
            }
        }
    }
}
