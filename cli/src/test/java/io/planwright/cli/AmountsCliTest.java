package io.planwright.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `resources` and `simulate` write money as the pages do: grouped thousands and the plan's currency. */
class AmountsCliTest {

    static final Pattern EUR = Pattern.compile("\\d{1,3}(,\\d{3})+ EUR");

    @Test
    void resourcesAndSimulateWriteMoneyTheSameWay() {
        CliTest.Run resources = CliTest.run("resources", CliTest.ERP.toString());
        assertThat(resources.exit()).as(resources.err()).isZero();
        Matcher total = Pattern.compile("Cost of the plan: (\\S+ \\S+);").matcher(resources.out());
        assertThat(total.find()).as(resources.out()).isTrue();
        assertThat(total.group(1)).matches(EUR);
        assertThat(resources.out()).doesNotContain(".0%").doesNotContain("00%");

        CliTest.Run sim = CliTest.run("simulate", CliTest.ERP.toString(), "--iterations", "200", "--seed", "1");
        assertThat(sim.exit()).as(sim.err()).isZero();
        String costLine = sim.out().lines().filter(l -> l.startsWith("cost ")).findFirst().orElseThrow();
        Matcher m = EUR.matcher(costLine);
        int amounts = 0;
        while (m.find()) {
            amounts++;
        }
        assertThat(amounts).as(costLine).isEqualTo(5);
        Matcher planned = Pattern.compile("Without uncertainty: .*, cost (.+)").matcher(sim.out());
        assertThat(planned.find()).isTrue();
        assertThat(planned.group(1).strip()).matches(EUR);
    }
}
