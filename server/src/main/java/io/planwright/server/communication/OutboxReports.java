package io.planwright.server.communication;

import io.planwright.server.plans.PlanService;
import io.planwright.server.reports.SentReports;
import org.springframework.stereotype.Component;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the communication plan sent, for the Reports page's history: the outbox's messages grouped by item and
 * period (one report, several recipients and channels), with their statuses in words, newest first.
 */
@Component
public class OutboxReports implements SentReports {

    private final Outbox outbox;
    private final PlanService plans;

    public OutboxReports(Outbox outbox, PlanService plans) {
        this.outbox = outbox;
        this.plans = plans;
    }

    @Override
    public List<SentReport> sent(long planId, int limit) {
        Map<String, List<Outbox.Message>> byPeriod = new LinkedHashMap<>();
        for (Outbox.Message m : outbox.list(planId, null, Math.max(50, limit * 20))) {
            byPeriod.computeIfAbsent(m.itemId() + "\n" + m.periodKey(), k -> new ArrayList<>()).add(m);
        }
        Map<String, String> names = new java.util.HashMap<>();
        plans.current(planId).plan().communications().forEach(c -> names.put(c.id(), c.name()));
        List<SentReport> out = new ArrayList<>();
        for (List<Outbox.Message> messages : byPeriod.values()) {
            LocalDateTime when = null;
            Map<String, Integer> statuses = new TreeMap<>();
            for (Outbox.Message m : messages) {
                LocalDateTime t = m.sentAt() != null ? m.sentAt() : m.createdAt();
                when = when == null || t.isAfter(when) ? t : when;
                statuses.merge(m.status().words(), 1, Integer::sum);
            }
            List<String> words = new ArrayList<>();
            statuses.forEach((s, n) -> words.add(n + " " + s));
            String item = messages.get(0).itemId();
            out.add(new SentReport(when, names.getOrDefault(item, item), messages.size(), String.join(", ", words), null));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }
}
