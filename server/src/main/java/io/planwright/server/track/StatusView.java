package io.planwright.server.track;

import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.Figures;
import io.planwright.core.track.KpiTrend;
import io.planwright.core.track.ProjectStatus;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan's status as the API gives it (camelCase, as every body of the API): the headline and its
 * reasons, the finish against the baseline's, earned value and earned schedule of the plan and of each
 * phase and task, slipped tasks, milestones ahead, KPI trends, and the S-curves of PV, EV and AC by week.
 */
public record StatusView(LocalDateTime statusDate, String baselineId, String baselineName, String headline, List<String> reasons,
                         LocalDateTime finish, LocalDateTime baselineFinish, Double finishVarianceDays, FiguresView plan,
                         List<EntryView> entries, List<SlippedView> slipped, List<MilestoneView> nextMilestones, List<KpiView> kpis,
                         List<PointView> curve) {

    /** Earned value and earned schedule of one entry; money in the plan's currency, days in working days. */
    public record FiguresView(double bac, double pv, double ev, double ac, double sv, double cv, Double spi, Double cpi, double eac,
                              double eacAtPlanRate, Double eacComposite, double etc, double vac, Double tcpi, Double tcpiToEac,
                              Double percentComplete, LocalDateTime es, Double svT, Double spiT, Double ieacT, LocalDateTime forecastFinish) {
        static FiguresView of(EarnedValue.Entry e) {
            Figures f = e.figures();
            EarnedValue.Time t = e.time();
            return new FiguresView(f.bac(), f.pv(), f.ev(), f.ac(), f.sv(), f.cv(), f.spi(), f.cpi(), f.eac(), f.eacAtPlanRate(), f.eacComposite(),
                    f.etc(), f.vac(), f.tcpi(), f.tcpiToEac(), f.percentComplete(), t.es(), t.svDays(), t.spi(), t.ieacDays(), t.forecastFinish());
        }
    }

    /** A phase or task with its figures; {@code depth} 1 for the top level. */
    public record EntryView(String id, String name, String type, int depth, FiguresView figures) {
    }

    public record SlippedView(String id, String name, LocalDateTime finish, LocalDateTime baselineFinish, Double finishVarianceDays) {
    }

    public record MilestoneView(String id, String name, LocalDateTime date) {
    }

    public record KpiView(String id, String name, String unit, Double latest, Double target, LocalDate targetDate, Double forecast, String status,
                          String explanation) {
    }

    /** The plan's PV, EV and AC at one date of the S-curves (EV and AC null after the status date). */
    public record PointView(LocalDateTime date, double pv, Double ev, Double ac) {
    }

    static StatusView of(ProjectStatus s) {
        FiguresView plan = null;
        List<EntryView> entries = new ArrayList<>();
        if (s.earnedValue() != null) {
            for (EarnedValue.Entry e : s.earnedValue().entries()) {
                if (e.kind() == EarnedValue.Kind.PLAN) {
                    plan = FiguresView.of(e);
                } else {
                    entries.add(new EntryView(e.id(), e.name(), e.kind().text(), e.depth(), FiguresView.of(e)));
                }
            }
        }
        return new StatusView(s.statusDate(), s.baseline() == null ? null : s.baseline().id(), s.baseline() == null ? null : s.baseline().name(),
                s.headline().words(), s.reasons(), s.finish(), s.baselineFinish(), s.finishVarianceDays(), plan, entries,
                s.slipped().stream().map(l -> new SlippedView(l.id(), l.name(), l.finish(), l.baselineFinish(), l.finishDays())).toList(),
                s.nextMilestones().stream().map(m -> new MilestoneView(m.id(), m.name(), m.finish())).toList(),
                s.kpis().stream().map(StatusView::kpi).toList(),
                s.curve().stream().map(p -> new PointView(p.date(), p.pv(), p.ev(), p.ac())).toList());
    }

    private static KpiView kpi(KpiTrend.Trend k) {
        return new KpiView(k.kpi().id(), k.kpi().name(), k.kpi().unit(), k.kpi().latest(), k.kpi().target(), k.kpi().targetDate(), k.forecast(),
                k.status().words(), k.explanation());
    }
}
