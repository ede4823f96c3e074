package io.planwright.server.communication;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.time.OffsetDateTime;

/**
 * The scheduler's machinery: Spring's scheduling, ShedLock on the database (one composer and one sender at
 * a time across server processes; the lock table is Flyway's {@code shedlock}, times are the database's),
 * and the clock the communication plan runs by. {@code planwright.clock} (an ISO date-time with offset)
 * starts the clock there and lets it run, for tests and demonstrations.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
public class CommunicationConfig {

    @Bean
    LockProvider communicationLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).withTableName("shedlock").usingDbTime().build());
    }

    @Bean
    AdjustableClock communicationClock(@Value("${planwright.clock:}") String startAt) {
        return new AdjustableClock(startAt == null || startAt.isBlank() ? null : OffsetDateTime.parse(startAt).toInstant());
    }
}
