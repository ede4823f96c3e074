package io.planwright.formats.report;

import io.planwright.core.calendar.Moments;
import io.planwright.core.format.Amounts;

import java.time.LocalDateTime;
import java.util.Locale;

/** How a report writes its dates, money, indices and variances, for the template and the Markdown alike. */
public final class ReportText {

    private final String currency;

    public ReportText(String currency) {
        this.currency = currency;
    }

    /** A date as the plan file writes a finish: 2026-03-13, or 2026-03-13T12:00 within the day. */
    public String date(LocalDateTime t) {
        return t == null ? Amounts.NONE : Moments.date(t, Moments.Edge.FINISH);
    }

    public String money(Double v) {
        return v == null ? Amounts.NONE : Amounts.money(v, currency);
    }

    public String percent(Double fraction) {
        return fraction == null ? Amounts.NONE : Amounts.percent(fraction);
    }

    /** An index such as SPI: 0.96. */
    public String index(Double v) {
        return v == null ? Amounts.NONE : String.format(Locale.ROOT, "%.2f", v);
    }

    public String days(Double v) {
        return v == null ? Amounts.NONE : Amounts.days(v);
    }

    public String hours(double v) {
        return Amounts.number(Math.round(v * 10) / 10.0) + " h";
    }

    /** A variance in working days: "2 days later", "on time", "1.5 days earlier". */
    public String variance(Double days) {
        if (days == null) {
            return Amounts.NONE;
        }
        return Math.abs(days) < 0.05 ? "on time" : Amounts.days(Math.abs(days)) + (days > 0 ? " later" : " earlier");
    }

    /** A risk's band in words: high, medium, low (OGNL reads {@code band} as its keyword, so the template asks here). */
    public String riskBand(io.planwright.core.report.StatusReport.RiskLine k) {
        return k.band().text();
    }

    /** A risk's score with its band: "16 high". */
    public String score(io.planwright.core.report.StatusReport.RiskLine k) {
        return k.score() + " " + riskBand(k);
    }

    /** A probability 0 to 1 as a percentage: 35 %. */
    public String probability(double p) {
        return Math.round(p * 100) + " %";
    }
}
