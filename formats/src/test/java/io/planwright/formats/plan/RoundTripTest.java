package io.planwright.formats.plan;

import io.planwright.core.model.Plan;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading then writing gives the same model; writing is deterministic; YAML and JSON say the same. */
class RoundTripTest {

    static Plan read(String name, String text, PlanFormat format) {
        ReadResult r = PlanFiles.parse(name, text, format);
        assertThat(r.errors()).as(text).isEmpty();
        return r.plan();
    }

    @Property(tries = 400)
    void randomPlansSurviveYamlAndJson(@ForAll long seed) {
        Plan plan = new RandomPlans(seed).plan();
        String yaml = PlanFiles.toYaml(plan);
        assertThat(read("random.yaml", yaml, PlanFormat.YAML)).as(yaml).isEqualTo(plan);
        String json = PlanFiles.toJson(plan);
        assertThat(read("random.json", json, PlanFormat.JSON)).as(json).isEqualTo(plan);
        assertThat(PlanFiles.toYaml(read("again.yaml", yaml, PlanFormat.YAML))).isEqualTo(yaml);
    }

    @Test
    void theSmallExampleRoundTripsAndItsTextIsStable() throws IOException {
        String original = Files.readString(Path.of("src/test/resources/plans/small.plan.yaml"));
        Plan plan = read("small.plan.yaml", original, PlanFormat.YAML);
        String written = PlanFiles.toYaml(plan);
        assertThat(read("written.yaml", written, PlanFormat.YAML)).isEqualTo(plan);
        assertThat(PlanFiles.toYaml(plan)).as("deterministic").isEqualTo(written);
        assertThat(written).doesNotContain("null").doesNotContain("priority").doesNotContain("schedule-from");
        Plan viaJson = read("written.json", PlanFiles.toJson(plan), PlanFormat.JSON);
        assertThat(viaJson).isEqualTo(plan);
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.plan.yaml");
        PlanFiles.writeAtomically(target, "first\n");
        PlanFiles.writeAtomically(target, "second\n");
        assertThat(Files.readString(target)).isEqualTo("second\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
