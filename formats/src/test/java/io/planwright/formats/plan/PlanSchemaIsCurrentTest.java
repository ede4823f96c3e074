package io.planwright.formats.plan;

import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import io.planwright.core.model.Plan;
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

    /**
     * The writer writes only declared keys, in the declaration's order: the examples (which use every
     * section) written back, section by section.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"erp-rollout", "office-relocation", "software-release"})
    void theWriterWritesTheDeclaredKeysInTheirOrder(String name) throws Exception {
        Plan plan = PlanFiles.read(Path.of("../examples/" + name + ".plan.yaml")).plan();
        Node.MapNode root = (Node.MapNode) JsonTreeReader.read(PlanFiles.toJson(plan));
        List<String> wrong = new ArrayList<>();
        check("top", root, PlanKeys.TOP, wrong);
        root.get("plan").ifPresent(n -> check("plan", n, PlanKeys.PLAN, wrong));
        root.get("charter").ifPresent(n -> check("charter", n, PlanKeys.CHARTER, wrong));
        each(root, "objectives", PlanKeys.OBJECTIVE, wrong, o -> o.get("kpis").ifPresent(k -> eachOf("kpis", k, PlanKeys.KPI, wrong)));
        each(root, "deliverables", PlanKeys.DELIVERABLE, wrong, d -> { });
        each(root, "calendars", PlanKeys.CALENDAR, wrong, c -> c.get("exceptions").ifPresent(x -> ((Node.ListNode) x).items()
                .forEach(e -> check("exception", e, PlanKeys.EXCEPTION, wrong))));
        each(root, "resources", PlanKeys.RESOURCE, wrong, r -> { });
        root.get("tasks").ifPresent(t -> tasks(t, wrong));
        each(root, "risks", PlanKeys.RISK, wrong, r -> { });
        each(root, "stakeholders", PlanKeys.STAKEHOLDER, wrong, r -> { });
        each(root, "communications", PlanKeys.COMMUNICATION, wrong, r -> { });
        each(root, "baselines", PlanKeys.BASELINE, wrong, b -> b.get("tasks").ifPresent(t -> eachOf("baseline tasks", t, PlanKeys.BASELINE_TASK, wrong)));
        assertThat(wrong).as("keys the writer writes outside the declaration or out of its order").isEmpty();
    }

    private static void tasks(Node tasks, List<String> wrong) {
        for (Node.Entry e : ((Node.MapNode) tasks).entries()) {
            check("task " + e.key().text(), e.value(), PlanKeys.TASK, wrong);
            ((Node.MapNode) e.value()).get("tasks").ifPresent(t -> tasks(t, wrong));
        }
    }

    private static void each(Node.MapNode root, String section, PlanKeys.Keys keys, List<String> wrong, java.util.function.Consumer<Node.MapNode> inside) {
        root.get(section).ifPresent(n -> {
            for (Node.Entry e : ((Node.MapNode) n).entries()) {
                check(section + "/" + e.key().text(), e.value(), keys, wrong);
                if (e.value() instanceof Node.MapNode m) {
                    inside.accept(m);
                }
            }
        });
    }

    private static void eachOf(String what, Node n, PlanKeys.Keys keys, List<String> wrong) {
        ((Node.MapNode) n).entries().forEach(e -> check(what + "/" + e.key().text(), e.value(), keys, wrong));
    }

    /** The keys of a mapping: all declared, and in the declared order. */
    private static void check(String where, Node n, PlanKeys.Keys keys, List<String> wrong) {
        if (!(n instanceof Node.MapNode m)) {
            return;
        }
        List<String> declared = new ArrayList<>(keys.names());
        int last = -1;
        for (Node.Entry e : m.entries()) {
            int at = declared.indexOf(e.key().text());
            if (at < 0) {
                wrong.add(where + ": '" + e.key().text() + "' is not declared");
            } else if (at < last) {
                wrong.add(where + ": '" + e.key().text() + "' comes before '" + declared.get(last) + "' in the declaration");
            }
            last = Math.max(last, at);
        }
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
