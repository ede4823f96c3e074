package io.planwright.formats.track;

import io.planwright.core.calendar.Moments;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.Figures;
import io.planwright.core.track.KpiTrend;
import io.planwright.core.track.ProjectStatus;
import io.planwright.core.track.Variance;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Location;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's status as JSON for tools (snake_case keys, as every JSON the CLI writes): at the top level
 * the plan's earned-value and earned-schedule figures ({@code status_date}, {@code bac}, {@code pv},
 * {@code ev}, {@code ac}, {@code sv}, {@code cv}, {@code spi}, {@code cpi}, {@code eac}, {@code etc},
 * {@code vac}, {@code tcpi}, {@code es}, {@code sv_t}, {@code spi_t}, {@code ieac_t}; money in the plan's
 * currency, {@code es} a date, {@code sv_t} and {@code ieac_t} in working days), then the headline, the
 * finish against the baseline, slipped tasks, milestones ahead, KPIs, and {@code phases} and {@code tasks}
 * with the same figures per entry.
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static String write(String planName, String currency, ProjectStatus s) {
        MapNode.Builder b = MapNode.builder();
        b.put("plan", planName);
        b.put("status_date", date(s.statusDate()));
        b.put("baseline", s.baseline() == null ? nul() : ScalarNode.string(s.baseline().id()));
        b.put("currency", currency == null ? nul() : ScalarNode.string(currency));
        if (s.earnedValue() != null) {
            figures(s.earnedValue().plan(), b);
        }
        b.put("headline", s.headline().words());
        List<Node> reasons = new ArrayList<>();
        s.reasons().forEach(r -> reasons.add(ScalarNode.string(r)));
        b.put("reasons", ListNode.of(reasons));
        b.put("finish", date(s.finish()));
        b.put("baseline_finish", s.baselineFinish() == null ? nul() : ScalarNode.string(date(s.baselineFinish())));
        b.put("finish_variance_days", number(s.finishVarianceDays(), 2));
        b.put("slipped", ListNode.of(s.slipped().stream().map(StatusJson::slipped).toList()));
        b.put("next_milestones", ListNode.of(s.nextMilestones().stream().map(StatusJson::milestone).toList()));
        b.put("kpis", ListNode.of(s.kpis().stream().map(StatusJson::kpi).toList()));
        List<Node> phases = new ArrayList<>();
        List<Node> tasks = new ArrayList<>();
        if (s.earnedValue() != null) {
            for (EarnedValue.Entry e : s.earnedValue().entries()) {
                if (e.kind() == EarnedValue.Kind.PLAN) {
                    continue;
                }
                MapNode.Builder eb = MapNode.builder().flow();
                eb.put("id", e.id());
                eb.put("name", e.name());
                eb.put("type", e.kind().text());
                figures(e, eb);
                (e.kind() == EarnedValue.Kind.PHASE ? phases : tasks).add(eb.build());
            }
        }
        b.put("phases", ListNode.of(phases));
        b.put("tasks", ListNode.of(tasks));
        return JsonEmitter.write(b.build());
    }

    /** The figures of one entry, in the order the top level gives them. */
    private static void figures(EarnedValue.Entry e, MapNode.Builder b) {
        Figures f = e.figures();
        EarnedValue.Time t = e.time();
        b.put("bac", money(f.bac()));
        b.put("pv", money(f.pv()));
        b.put("ev", money(f.ev()));
        b.put("ac", money(f.ac()));
        b.put("sv", money(f.sv()));
        b.put("cv", money(f.cv()));
        b.put("spi", number(f.spi(), 4));
        b.put("cpi", number(f.cpi(), 4));
        b.put("eac", money(f.eac()));
        b.put("etc", money(f.etc()));
        b.put("vac", money(f.vac()));
        b.put("tcpi", number(f.tcpi(), 4));
        b.put("es", t.es() == null ? nul() : ScalarNode.string(date(t.es())));
        b.put("sv_t", number(t.svDays(), 2));
        b.put("spi_t", number(t.spi(), 4));
        b.put("ieac_t", number(t.ieacDays(), 2));
        b.put("percent_complete", number(f.percentComplete() == null ? null : f.percentComplete() * 100, 1));
        b.put("eac_at_plan_rate", money(f.eacAtPlanRate()));
        b.put("eac_composite", f.eacComposite() == null ? nul() : money(f.eacComposite()));
        b.put("tcpi_eac", number(f.tcpiToEac(), 4));
        b.put("forecast_finish", t.forecastFinish() == null ? nul() : ScalarNode.string(date(t.forecastFinish())));
    }

    private static Node slipped(Variance.Line l) {
        MapNode.Builder b = MapNode.builder().flow();
        b.put("id", l.id());
        b.put("name", l.name());
        b.put("finish", date(l.finish()));
        b.put("baseline_finish", date(l.baselineFinish()));
        b.put("finish_variance_days", number(l.finishDays(), 2));
        return b.build();
    }

    private static Node milestone(ScheduledTask t) {
        MapNode.Builder b = MapNode.builder().flow();
        b.put("id", t.id());
        b.put("name", t.name());
        b.put("date", date(t.finish()));
        return b.build();
    }

    private static Node kpi(KpiTrend.Trend k) {
        MapNode.Builder b = MapNode.builder().flow();
        b.put("id", k.kpi().id());
        b.put("name", k.kpi().name());
        b.put("latest", number(k.kpi().latest(), 4));
        b.put("target", number(k.kpi().target(), 4));
        b.put("target_date", k.kpi().targetDate() == null ? nul() : ScalarNode.string(k.kpi().targetDate().toString()));
        b.put("forecast", number(k.forecast(), 4));
        b.put("status", k.status().words());
        b.put("explanation", k.explanation());
        return b.build();
    }

    /** A date as the plan file writes it: a finish at the end of a day is that day. */
    static String date(LocalDateTime t) {
        return Moments.date(t, Moments.Edge.FINISH);
    }

    static Node money(double v) {
        return ScalarNode.number(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    static Node number(Double v, int decimals) {
        if (v == null || v.isNaN() || v.isInfinite()) {
            return nul();
        }
        return ScalarNode.number(BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }

    private static Node nul() {
        return new ScalarNode("null", ScalarNode.Type.NULL, Location.START);
    }
}
