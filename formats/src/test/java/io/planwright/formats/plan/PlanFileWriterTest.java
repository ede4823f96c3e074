package io.planwright.formats.plan;

import io.planwright.core.model.Plan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan file as Planwright writes it: the keys in the documented order, the plan file's notation
 * (durations, links, percentages, dates alone for the start or end of a day), short maps on one line.
 */
class PlanFileWriterTest {

    static final String WRITTEN = """
            planwright: 1
            plan:
              name: Writer
              start: 2026-03-02
              status-date: 2026-03-13
              currency: EUR
            resources:
              anna:
                name: Anna Berg
                rate: 95/h
            tasks:
              build:
                name: Build
                tasks:
                  design:
                    duration: 5d
                    deadline: 2026-03-11
                    resources: {anna: 50%}
                    progress: 40%
                    actual-start: 2026-03-02
                  review:
                    duration: 4h
                    after: [design FS+2d]
                    constraint: FNLT 2026-03-20
              live:
                milestone: true
                after: [build]
            """;

    @Test
    void aPlanIsWrittenInThePlanFilesOwnNotation() {
        Plan plan = PlanFiles.parse("w.plan.yaml", """
                planwright: 1
                plan: {name: Writer, start: 2026-03-02, status-date: 2026-03-13, currency: EUR}
                resources:
                  anna: {name: Anna Berg, rate: 95/h}
                tasks:
                  build:
                    name: Build
                    tasks:
                      design: {duration: 5d, resources: {anna: 50%}, deadline: 2026-03-11, progress: 40%, actual-start: 2026-03-02}
                      review: {duration: 4h, after: [design FS+2d], constraint: FNLT 2026-03-20}
                  live: {milestone: true, after: [build]}
                """, null).plan();
        assertThat(PlanFiles.toYaml(plan)).isEqualTo(WRITTEN);
        // and what is written reads back as the same plan, written the same again
        Plan again = PlanFiles.parse("again.plan.yaml", WRITTEN, null).plan();
        assertThat(again).isEqualTo(plan);
        assertThat(PlanFiles.toYaml(again)).isEqualTo(WRITTEN);
    }

    @Test
    void aTimeIsWrittenOnlyWhereTheMomentIsNotTheStartOrEndOfADay() {
        Plan plan = PlanFiles.parse("t.plan.yaml", """
                plan: {name: Times, start: 2026-03-02T09:30}
                tasks:
                  a: {duration: 1d, deadline: 2026-03-05T12:00, constraint: SNET 2026-03-03}
                """, null).plan();
        String yaml = PlanFiles.toYaml(plan);
        assertThat(yaml).contains("start: 2026-03-02T09:30", "deadline: 2026-03-05T12:00", "constraint: SNET 2026-03-03\n");
    }
}
