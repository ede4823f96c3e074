package io.planwright.server.reports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** What the reports use until the features that know more are there: nothing sent, nothing waiting. */
@Configuration
public class ReportsConfig {

    /** Said on the Reports page while nothing has been sent. */
    public static final String NOTHING_SENT = "Nothing sent yet: the communication plan sends reports once its items have schedules.";

    @Bean
    @ConditionalOnMissingBean(SentReports.class)
    SentReports noSentReports() {
        return (planId, limit) -> List.of();
    }

    @Bean
    @ConditionalOnMissingBean(WaitingDecisions.class)
    WaitingDecisions noWaitingDecisions() {
        return planId -> List.of();
    }
}
