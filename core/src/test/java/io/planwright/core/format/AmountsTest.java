package io.planwright.core.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    @Test
    void moneyIsGroupedInWholeUnitsWithTheCurrencyAfterIt() {
        assertThat(Amounts.money(860000.0, "EUR")).isEqualTo("860,000 EUR");
        assertThat(Amounts.money(51666.67, "EUR")).isEqualTo("51,667 EUR");
        assertThat(Amounts.money(53107.4, null)).isEqualTo("53,107");
        assertThat(Amounts.money(-0.2, "EUR")).isEqualTo("0 EUR");
        assertThat(Amounts.money(-1234.5, "USD")).isEqualTo("-1,235 USD");
        assertThat(Amounts.money(new BigDecimal("20000"), "EUR")).isEqualTo("20,000 EUR");
        assertThat(Amounts.money((BigDecimal) null, "EUR")).isEqualTo("–");
    }

    @Test
    void pricesKeepTheirCents() {
        assertThat(Amounts.price(new BigDecimal("95.5"), "EUR")).isEqualTo("95.50 EUR");
        assertThat(Amounts.price(new BigDecimal("1200.00"), "EUR")).isEqualTo("1,200 EUR");
    }

    @Test
    void quantitiesCarryTheirUnitAndNoSpuriousDecimals() {
        assertThat(Amounts.quantity(10.0, "days")).isEqualTo("10 days");
        assertThat(Amounts.quantity(0.0, "applications")).isEqualTo("0 applications");
        assertThat(Amounts.quantity(12.5, "%")).isEqualTo("12.5 %");
        assertThat(Amounts.quantity(1234567.0, null)).isEqualTo("1,234,567");
        assertThat(Amounts.quantity(null, "days")).isEqualTo("–");
        assertThat(Amounts.number(20000)).isEqualTo("20,000");
        assertThat(Amounts.number(0.125)).isEqualTo("0.13");
    }

    @Test
    void percentagesHaveAtMostOneDecimal() {
        assertThat(Amounts.percent(0.125)).isEqualTo("12.5 %");
        assertThat(Amounts.percent(4.0)).isEqualTo("400 %");
        assertThat(Amounts.percent(0.3333)).isEqualTo("33.3 %");
        assertThat(Amounts.percent(0)).isEqualTo("0 %");
    }

    @Test
    void workingDaysAreCountedLikeAPlannerSaysThem() {
        assertThat(Amounts.days(36.625)).isEqualTo("36.6 days");
        assertThat(Amounts.days(1)).isEqualTo("1 day");
        assertThat(Amounts.days(-3)).isEqualTo("-3 days");
        assertThat(Amounts.days(-0.01)).isEqualTo("0 days");
    }
}
