package io.planwright.server.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** What the reports take from the feedback and change control features: the approvals and change requests waiting (what was sent comes from the outbox: communication.OutboxReports). */
@Configuration
public class ReportsConfig {

    /** Said on the Reports page while nothing has been sent. */
    public static final String NOTHING_SENT = "Nothing sent yet: the communication plan sends reports once its items have schedules.";


    /** The sign-offs waiting (the feedback feature's approvals), in the report's words. */
    @Bean
    WaitingDecisions approvalsWaiting(io.planwright.server.feedback.WaitingDecisions approvals, io.planwright.server.changes.ChangeStore changes) {
        return planId -> {
            List<io.planwright.core.report.StatusReport.Waiting> out = new java.util.ArrayList<>(approvals.waiting(planId).stream()
                    .map(w -> new io.planwright.core.report.StatusReport.Waiting("approval of the " + w.itemKind(), w.itemName(),
                            w.approverName() == null ? w.approver() : w.approverName(), w.requestedAt()))
                    .toList());
            // change requests the board has not decided yet
            changes.list(planId).stream().filter(r -> r.status().equals("submitted"))
                    .forEach(r -> out.add(new io.planwright.core.report.StatusReport.Waiting("change request #" + r.id(), r.title(),
                            "the change board (" + String.join(", ", r.board()) + ")", r.createdAt())));
            return out;
        };
    }
}
