package io.planwright.server.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** What the reports take from the feedback feature: the approvals waiting (what was sent comes from the outbox: communication.OutboxReports). */
@Configuration
public class ReportsConfig {

    /** Said on the Reports page while nothing has been sent. */
    public static final String NOTHING_SENT = "Nothing sent yet: the communication plan sends reports once its items have schedules.";


    /** The sign-offs waiting (the feedback feature's approvals), in the report's words. */
    @Bean
    WaitingDecisions approvalsWaiting(io.planwright.server.feedback.WaitingDecisions approvals) {
        return planId -> approvals.waiting(planId).stream()
                .map(w -> new io.planwright.core.report.StatusReport.Waiting("approval of the " + w.itemKind(), w.itemName(),
                        w.approverName() == null ? w.approver() : w.approverName(), w.requestedAt()))
                .toList();
    }
}
