package io.planwright.server.reports;

import io.planwright.core.report.StatusReport;

import java.util.List;

/**
 * The decisions and approvals waiting on a plan (sign-offs, change requests), for the report's Decisions
 * section. {@link ReportsConfig} supplies it from the feedback feature's approvals waiting.
 */
public interface WaitingDecisions {

    List<StatusReport.Waiting> waiting(long planId);
}
