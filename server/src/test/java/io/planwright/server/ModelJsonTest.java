package io.planwright.server;

import io.planwright.bench.NetworkGenerator;
import io.planwright.bench.PlanGenerator;
import io.planwright.core.model.Plan;
import io.planwright.server.json.ModelJson;
import io.planwright.server.plans.PlanSettings;
import io.planwright.server.plans.Section;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every entry of every collection reads back as it was written, with unknown fields refused as the API does. */
class ModelJsonTest {

    final ObjectMapper json = ModelJson.configure(JsonMapper.builder()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void everyEntryOfTheExamplesAndOfAGeneratedPlanRoundTrips() throws Exception {
        List<Plan> plans = new ArrayList<>(io.planwright.server.Examples.plans());
        plans.add(PlanGenerator.plan(NetworkGenerator.generate(500, 3)));
        assertThat(plans).hasSizeGreaterThanOrEqualTo(4);
        int entries = 0;
        for (Plan plan : plans) {
            PlanSettings settings = PlanSettings.of(plan);
            assertThat(json.readValue(json.writeValueAsString(settings), PlanSettings.class)).isEqualTo(settings);
            for (Section<?> s : Section.ALL) {
                for (Object entry : s.list().apply(plan)) {
                    String text = json.writeValueAsString(entry);
                    assertThat(json.readValue(text, s.type())).as(s.kind() + " " + text).isEqualTo(entry);
                    entries++;
                }
            }
        }
        assertThat(entries).isGreaterThan(500);
    }
}
