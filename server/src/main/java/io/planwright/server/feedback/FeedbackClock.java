package io.planwright.server.feedback;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** The time feedback links, approvals and notifications go by: the system's, unless a test gives another {@link Clock}. */
@Configuration
@EnableScheduling
public class FeedbackClock {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
