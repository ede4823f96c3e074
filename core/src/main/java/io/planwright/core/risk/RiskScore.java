package io.planwright.core.risk;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;

import java.util.Comparator;
import java.util.List;

/**
 * A risk's place on the 5x5 heat map: probability on a 1-5 scale times impact (1-5), and the band that
 * score falls in. The register, the heat map, the dashboard and the status reports all rate risks so.
 */
public final class RiskScore {

    /** How serious a score is, in words (never colour alone). */
    public enum Band {
        LOW("low"),
        MEDIUM("medium"),
        HIGH("high");

        private final String text;

        Band(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private RiskScore() {
    }

    /** Probability level times impact level, 1 to 25; a risk without an impact counts as impact 1. */
    public static int of(Risk r) {
        return probabilityLevel(r.probability()) * impactLevel(r);
    }

    public static int impactLevel(Risk r) {
        return r.impact() == null ? 1 : r.impact().score();
    }

    /** Probability on the heat map's 1-5 scale: below 10 %, 30 %, 50 %, 70 %, above. */
    public static int probabilityLevel(double p) {
        if (p < 0.1) {
            return 1;
        }
        if (p < 0.3) {
            return 2;
        }
        if (p < 0.5) {
            return 3;
        }
        if (p < 0.7) {
            return 4;
        }
        return 5;
    }

    /** 15 and above high, 8 and above medium, else low. */
    public static Band band(int score) {
        return score >= 15 ? Band.HIGH : score >= 8 ? Band.MEDIUM : Band.LOW;
    }

    /** The open (not closed) risks, highest score first. */
    public static List<Risk> top(Plan plan, int count) {
        return plan.risks().stream().filter(r -> r.status() != RiskStatus.CLOSED)
                .sorted(Comparator.comparingInt(RiskScore::of).reversed()).limit(count).toList();
    }

    /** The open risks on one cell of the heat map. */
    public static List<Risk> at(Plan plan, int probabilityLevel, int impactLevel) {
        return plan.risks().stream().filter(r -> r.status() != RiskStatus.CLOSED)
                .filter(r -> probabilityLevel(r.probability()) == probabilityLevel && impactLevel(r) == impactLevel).toList();
    }
}
