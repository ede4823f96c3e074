package io.planwright.server.reports;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The status reports a plan's communication plan has sent, newest first: the Reports page's history, and the
 * revision the last one was made from (what "changes since the last report" compares with). The
 * communication feature provides it; until then {@link ReportsConfig} supplies one that has sent nothing.
 */
public interface SentReports {

    /**
     * One report sent.
     *
     * @param item       the communication item it was sent for (its name)
     * @param recipients how many people it went to
     * @param status     sent, failed, ... in words
     * @param revision   the plan's revision the report was made from (null: not known)
     */
    record SentReport(LocalDateTime when, String item, int recipients, String status, Long revision) {
    }

    /** The latest {@code limit} reports sent for the plan, newest first. */
    List<SentReport> sent(long planId, int limit);
}
