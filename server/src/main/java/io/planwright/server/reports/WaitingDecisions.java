package io.planwright.server.reports;

import io.planwright.core.report.StatusReport;

import java.util.List;

/**
 * The decisions and approvals waiting on a plan (sign-offs, change requests), for the report's Decisions
 * section. The feedback feature provides it; until then {@link ReportsConfig} supplies one with none.
 */
public interface WaitingDecisions {

    List<StatusReport.Waiting> waiting(long planId);
}
