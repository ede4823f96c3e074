package io.planwright.formats.tree;

import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.plan.PlanFiles;
import io.planwright.formats.schedule.ScheduleJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEmitterTest {

    @Test
    void compactJsonHoldsTheSameAsTheIndentedOne() throws Exception {
        Path file = Path.of("../examples/software-release.plan.yaml");
        var plan = PlanFiles.parse(file.getFileName().toString(), Files.readString(file), null).plan();
        Node tree = ScheduleJson.tree(PlanScheduler.schedule(plan));
        String compact = JsonEmitter.compact(tree);
        String pretty = JsonEmitter.write(tree);
        assertThat(compact).doesNotContain("\n").hasSizeLessThan(pretty.length());
        assertThat(JsonEmitter.compact(JsonTreeReader.read(pretty))).isEqualTo(compact);
        assertThat(JsonEmitter.compact(JsonTreeReader.read(compact))).isEqualTo(compact);
    }

    @Test
    void awkwardTextIsEscapedAndNumbersStayNumbers() throws Exception {
        Node tree = Node.MapNode.builder()
                .put("quote \"and\" \\ slash", "line\nbreak\ttab \u2028 \u0001 \uFEFF ünïcødé")
                .put("n", Node.ScalarNode.number("-12"))
                .put("x", Node.ScalarNode.number("2.50"))
                .put("odd", Node.ScalarNode.number("012"))
                .build();
        String compact = JsonEmitter.compact(tree);
        assertThat(compact).isEqualTo("{\"quote \\\"and\\\" \\\\ slash\":\"line\\nbreak\\ttab \\u2028 \\u0001 \\ufeff ünïcødé\",\"n\":-12,\"x\":2.50,\"odd\":\"012\"}");
        assertThat(JsonEmitter.compact(JsonTreeReader.read(compact))).isEqualTo(compact);
    }
}
