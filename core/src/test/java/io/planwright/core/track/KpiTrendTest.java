package io.planwright.core.track;

import io.planwright.core.model.Kpi;
import io.planwright.core.model.KpiMeasurement;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * KPI trends against their targets, by hand: days to close a ticket, from 12 towards 5 by 31 March 2027
 * (day 89 after 1 January), measured every 30 days from 1 January.
 */
class KpiTrendTest {

    static final LocalDate DUE = LocalDate.of(2027, 3, 31);
    static final LocalDate MARCH = LocalDate.of(2027, 3, 1);

    static Kpi closeDays(double... values) {
        List<KpiMeasurement> m = new java.util.ArrayList<>();
        for (int i = values.length - 1; i >= 0; i--) {   // given out of order: the KPI sorts them
            m.add(new KpiMeasurement(LocalDate.of(2027, 1, 1).plusDays(30L * i), values[i], null));
        }
        return new Kpi("close", "Days to close", "days", 12.0, 5.0, DUE, null, m);
    }

    @Test
    void fastEnoughIsOnTrack() {
        // 12, 9, 6: -0.1 a day; at day 89 the line gives 3.1, past the target
        KpiTrend.Trend t = KpiTrend.of(closeDays(12, 9, 6), MARCH);
        assertThat(t.slopePerDay()).isCloseTo(-0.1, within(1e-12));
        assertThat(t.forecast()).isCloseTo(3.1, within(1e-9));
        assertThat(t.status()).isEqualTo(KpiTrend.Status.ON_TRACK);
        assertThat(t.explanation()).isEqualTo("on track: the trend reaches 3.10 by 2027-03-31 against the target 5 (127 % of the way)");
    }

    @Test
    void mostOfTheWayIsAtRiskLittleOfItOffTrack() {
        // 12, 10, 8, 6: -1/15 a day; at day 89, 12 - 89/15 = 6.07: 5.93 of the 7 to go, 85 %
        KpiTrend.Trend t = KpiTrend.of(closeDays(12, 10, 8, 6), MARCH);
        assertThat(t.forecast()).isCloseTo(12 - 89 / 15.0, within(1e-9));
        assertThat(t.shareOfWay()).isCloseTo(89 / 15.0 / 7, within(1e-9));
        assertThat(t.status()).isEqualTo(KpiTrend.Status.AT_RISK);
        // 12, 11.5, 11: -1/60 a day; 10.52 at day 89: 21 % of the way
        assertThat(KpiTrend.of(closeDays(12, 11.5, 11), MARCH).status()).isEqualTo(KpiTrend.Status.OFF_TRACK);
    }

    @Test
    void afterTheTargetDateTheLatestValueSaysMetOrMissed() {
        assertThat(KpiTrend.of(closeDays(12, 10, 8, 6), LocalDate.of(2027, 4, 2)).status()).isEqualTo(KpiTrend.Status.MISSED);
        assertThat(KpiTrend.of(closeDays(12, 9, 6, 4.5), LocalDate.of(2027, 4, 2)).status()).isEqualTo(KpiTrend.Status.MET);
    }

    @Test
    void oneMeasurementForecastsNothing() {
        KpiTrend.Trend t = KpiTrend.of(closeDays(11), MARCH);
        assertThat(t.status()).isEqualTo(KpiTrend.Status.UNKNOWN);
        assertThat(t.shareOfWay()).isCloseTo(1 / 7.0, within(1e-9));
        assertThat(closeDays(11, 10).latest()).isEqualTo(10.0);
    }
}
