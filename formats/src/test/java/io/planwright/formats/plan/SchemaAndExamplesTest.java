package io.planwright.formats.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.planwright.core.model.Plan;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.YamlTreeReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published JSON Schema accepts the examples and everything Planwright writes, as an editor would
 * see it; the examples are clean plans that round-trip; the documentation's example is valid.
 */
class SchemaAndExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonSchema schema() throws IOException {
        try (InputStream in = PlanFiles.class.getResourceAsStream("/io/planwright/formats/plan.schema.json")) {
            assertThat(in).as("the schema ships in the jar").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** A YAML file as a YAML 1.2 editor sees it: plain scalars that look like numbers or booleans are those. */
    static JsonNode asEditorSeesIt(String yaml) throws Exception {
        Node root = YamlTreeReader.read(yaml);
        return JSON.readTree(JsonEmitter.write(typed(root)));
    }

    private static Node typed(Node n) {
        if (n instanceof Node.MapNode m) {
            Node.MapNode.Builder b = Node.MapNode.builder();
            m.entries().forEach(e -> b.put(e.key().text(), typed(e.value())));
            return b.build();
        }
        if (n instanceof Node.ListNode l) {
            return Node.ListNode.of(l.items().stream().map(SchemaAndExamplesTest::typed).toList());
        }
        Node.ScalarNode s = (Node.ScalarNode) n;
        if (s.type() == Node.ScalarNode.Type.STRING) {
            return s;
        }
        if (s.type() == Node.ScalarNode.Type.NULL) {
            return s;
        }
        if (s.text().matches("-?\\d+(\\.\\d+)?")) {
            return Node.ScalarNode.number(s.text());
        }
        if (s.text().equals("true") || s.text().equals("false")) {
            return Node.ScalarNode.bool(Boolean.parseBoolean(s.text()));
        }
        return Node.ScalarNode.string(s.text()); // YAML 1.2: yes, no, on, off are words
    }

    @ParameterizedTest
    @ValueSource(strings = {"erp-rollout", "office-relocation", "software-release"})
    void examplesAreCleanValidAndRoundTrip(String name) throws Exception {
        Path file = Path.of("../examples/" + name + ".plan.yaml");
        ReadResult r = PlanFiles.readAndCheck(file);
        // the examples' only warnings are over-allocations, which `planwright level` removes
        assertThat(r.problems().stream().filter(p -> !p.problem().code().equals("overallocated")).toList()).as("problems of " + file).isEmpty();
        assertThat(r.problems()).allMatch(p -> !p.problem().isError());
        Set<ValidationMessage> errors = schema().validate(asEditorSeesIt(Files.readString(file)));
        assertThat(errors).as("schema errors in " + file).isEmpty();
        Plan plan = r.plan();
        assertThat(PlanFiles.parse("again", PlanFiles.toYaml(plan), PlanFormat.YAML).plan()).isEqualTo(plan);
        assertThat(schema().validate(JSON.readTree(PlanFiles.toJson(plan)))).as("schema errors in written JSON").isEmpty();
    }

    @Test
    void theErpExampleIsBigEnough() {
        Plan plan = PlanFiles.read(Path.of("../examples/erp-rollout.plan.yaml")).plan();
        assertThat(plan.tasks().size()).isGreaterThanOrEqualTo(120);
        assertThat(plan.risks()).isNotEmpty();
        assertThat(plan.stakeholders()).isNotEmpty();
        assertThat(plan.communications()).isNotEmpty();
        assertThat(plan.objectives()).allSatisfy(o -> assertThat(o.kpis()).isNotEmpty());
        assertThat(plan.tasks()).anySatisfy(t -> assertThat(t.raci()).isNotEmpty());
        assertThat(plan.resources()).anySatisfy(res -> assertThat(res.standardRate()).isNotNull());
    }

    @Test
    void theDocumentationsCompleteExampleIsValid() throws Exception {
        String doc = Files.readString(Path.of("../docs/plan-format.md"));
        int section = doc.indexOf("## A complete example");
        int start = doc.indexOf("```yaml", section) + "```yaml".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        ReadResult r = PlanFiles.check(PlanFiles.parse("plan-format.md", yaml, PlanFormat.YAML));
        assertThat(r.problems()).isEmpty();
        assertThat(schema().validate(asEditorSeesIt(yaml))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() throws Exception {
        JsonNode bad = JSON.readTree("{\"plan\": {\"name\": \"x\", \"strat\": \"2026-03-02\"}, \"tasks\": {\"a\": {\"duraton\": \"5d\"}}}");
        assertThat(schema().validate(bad)).hasSizeGreaterThanOrEqualTo(2);
    }
}
