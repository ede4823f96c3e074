package io.planwright.formats.plan;

import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/plan.schema.json is generated from the keys declared in {@link PlanKeys}: the committed file must be
 * what the declarations give. After changing a key, regenerate it with
 * {@code mvn -q -pl formats -am test -Dtest=PlanSchemaIsCurrentTest -Dsurefire.failIfNoSpecifiedTests=false -Dplanwright.writeSchema=true}.
 */
class PlanSchemaIsCurrentTest {

    static final Path COMMITTED = Path.of("../docs/plan.schema.json");

    @Test
    void theCommittedSchemaIsTheOneTheDeclarationsGive() throws Exception {
        String generated = PlanKeys.schema();
        if (Boolean.getBoolean("planwright.writeSchema")) {
            PlanFiles.writeAtomically(COMMITTED, generated);
        }
        String committed = Files.readString(COMMITTED);
        assertThat(canonical(JsonTreeReader.read(committed))).as("the meaning of docs/plan.schema.json").isEqualTo(canonical(JsonTreeReader.read(generated)));
        assertThat(committed).as("docs/plan.schema.json is generated from PlanKeys: regenerate it with -Dplanwright.writeSchema=true (see this test)")
                .isEqualTo(generated);
    }

    @Test
    void theReaderKnowsExactlyTheDeclaredKeys() {
        assertThat(PlanFileReader.TASK_KEYS).isEqualTo(PlanKeys.TASK.names());
        assertThat(PlanFileReader.TOP_KEYS).isEqualTo(PlanKeys.TOP.names());
        assertThat(PlanKeys.TASK.names()).startsWith("name", "notes", "milestone", "duration");
    }

    @Test
    void everyDeclaredKeyIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("../docs/plan-format.md"));
        List<String> undocumented = new ArrayList<>();
        for (java.lang.reflect.Field f : PlanKeys.class.getFields()) {
            if (f.get(null) instanceof PlanKeys.Keys keys) {
                for (String k : keys.names()) {
                    if (!doc.contains("`" + k + "`") && !doc.contains(k + ":")) {
                        undocumented.add(f.getName().toLowerCase(java.util.Locale.ROOT) + "/" + k);
                    }
                }
            }
        }
        assertThat(undocumented).as("keys declared in PlanKeys that docs/plan-format.md does not mention").isEmpty();
    }

    /** A JSON tree with every object's keys sorted, compact: equal when the two mean the same. */
    static String canonical(Node n) {
        return JsonEmitter.compact(sorted(n));
    }

    private static Node sorted(Node n) {
        if (n instanceof Node.MapNode m) {
            List<Node.Entry> entries = new ArrayList<>(m.entries());
            entries.sort(Comparator.comparing(e -> e.key().text()));
            Node.MapNode.Builder b = Node.MapNode.builder();
            entries.forEach(e -> b.put(e.key().text(), sorted(e.value())));
            return b.build();
        }
        if (n instanceof Node.ListNode l) {
            return Node.ListNode.of(l.items().stream().map(PlanSchemaIsCurrentTest::sorted).toList());
        }
        return n;
    }
}
