package io.planwright.server.communication;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute (planwright.communication.poll): compose what is due into the outbox, then send what the
 * outbox holds. Each under a ShedLock lock, so one process does it at a time; the outbox's unique period
 * key keeps a period's message single even if the lock ran out.
 */
@Component
public class CommunicationScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(CommunicationScheduler.class);

    private final CommunicationService communication;
    private final boolean enabled;

    public CommunicationScheduler(CommunicationService communication, @Value("${planwright.communication.enabled:true}") boolean enabled) {
        this.communication = communication;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${planwright.communication.poll:PT1M}", initialDelayString = "${planwright.communication.initial-delay:PT5S}")
    @SchedulerLock(name = "communication-compose", lockAtMostFor = "PT10M")
    public void compose() {
        if (!enabled) {
            return;
        }
        try {
            int n = communication.composeDue();
            if (n > 0) {
                LOG.info("composed {} message(s) of the communication plans", n);
            }
        } catch (RuntimeException e) {
            LOG.warn("composing the communication plans failed", e);
        }
    }

    @Scheduled(fixedDelayString = "${planwright.communication.poll:PT1M}", initialDelayString = "${planwright.communication.initial-delay:PT5S}")
    @SchedulerLock(name = "communication-send", lockAtMostFor = "PT10M")
    public void send() {
        if (!enabled) {
            return;
        }
        try {
            communication.sendDue();
        } catch (RuntimeException e) {
            LOG.warn("sending the outbox failed", e);
        }
    }
}
