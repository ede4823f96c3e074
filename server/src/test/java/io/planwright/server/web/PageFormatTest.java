package io.planwright.server.web;

import io.planwright.core.model.Rate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** What the templates print: the core's Amounts, and form fields as the user typed them. */
class PageFormatTest {

    final PageFormat fmt = PageFormat.INSTANCE;

    @Test
    void pagesWriteNumbersAsTheCoreDoes() {
        assertThat(fmt.money(860000.0, "EUR")).isEqualTo("860,000 EUR");
        assertThat(fmt.money(null, "EUR")).isEqualTo("–");
        assertThat(fmt.moneyRange(new BigDecimal("20000"), new BigDecimal("45000"), new BigDecimal("90000"), "EUR"))
                .isEqualTo("20,000 / 45,000 / 90,000 EUR");
        assertThat(fmt.quantity(0.0, "applications")).isEqualTo("0 applications");
        assertThat(fmt.percentOf100(40)).isEqualTo("40 %");
        assertThat(fmt.percent(0.125)).isEqualTo("12.5 %");
        assertThat(fmt.days(-3.25)).isEqualTo("-3.3 days");
        assertThat(fmt.rate(Rate.perHour(new BigDecimal("95.5")), "EUR")).isEqualTo("95.50 EUR/h");
    }

    @Test
    void formFieldsKeepWhatWasEntered() {
        assertThat(fmt.entered(0.125)).isEqualTo("12.5");
        assertThat(fmt.plain(10.0)).isEqualTo("10");
        assertThat(fmt.plain(null)).isEmpty();
    }
}
