package io.planwright.server.plans;

import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where tasks go when they are added, inserted, indented and outdented: where MS Project puts them. */
class PlanEditsTest {

    /** P1 (a, b, c), d, P2 (e). */
    static Plan plan() {
        return Plan.builder("edits").tasks(List.of(
                Task.builder("P1").name("P1").build(),
                Task.builder("a").name("a").parentId("P1").build(),
                Task.builder("b").name("b").parentId("P1").build(),
                Task.builder("c").name("c").parentId("P1").build(),
                Task.builder("d").name("d").build(),
                Task.builder("P2").name("P2").build(),
                Task.builder("e").name("e").parentId("P2").build())).build();
    }

    static List<String> order(Plan p) {
        return p.tasks().stream().map(t -> t.id() + (t.parentId() == null ? "" : "<" + t.parentId())).toList();
    }

    static Task task(Plan p, String id) {
        return p.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anOutdentedTaskStaysRightAfterThePhaseItLeft() {
        Plan p = plan();
        Plan out = PlanEdits.put(p, Section.TASKS, PlanEdits.copy(task(p, "b")).parentId(null).build());
        assertThat(order(out)).containsExactly("P1", "a<P1", "c<P1", "b", "d", "P2", "e<P2");
    }

    @Test
    void anIndentedTaskGoesToTheEndOfItsNewPhase() {
        Plan p = plan();
        Plan in = PlanEdits.put(p, Section.TASKS, PlanEdits.copy(task(p, "d")).parentId("P1").build());
        assertThat(order(in)).containsExactly("P1", "a<P1", "b<P1", "c<P1", "d<P1", "P2", "e<P2");
    }

    @Test
    void aNewTaskGoesToTheEndOfItsPhaseOrInThePlaceOfAnother() {
        Plan p = plan();
        assertThat(order(PlanEdits.put(p, Section.TASKS, Task.builder("x").name("x").parentId("P1").build())))
                .containsExactly("P1", "a<P1", "b<P1", "c<P1", "x<P1", "d", "P2", "e<P2");
        assertThat(order(PlanEdits.insertTaskBefore(p, Task.builder("x").name("x").parentId("P1").build(), "b")))
                .containsExactly("P1", "a<P1", "x<P1", "b<P1", "c<P1", "d", "P2", "e<P2");
        assertThatThrownBy(() -> PlanEdits.insertTaskBefore(p, Task.builder("x").name("x").build(), "b"))
                .hasMessageContaining("goes in its phase");
    }

    @Test
    void aPhaseOutdentedTakesItsSubtasksAlong() {
        Plan p = Plan.builder("nested").tasks(List.of(
                Task.builder("P").name("P").build(),
                Task.builder("Q").name("Q").parentId("P").build(),
                Task.builder("q1").name("q1").parentId("Q").build(),
                Task.builder("r").name("r").parentId("P").build())).build();
        Plan out = PlanEdits.put(p, Section.TASKS, PlanEdits.copy(task(p, "Q")).parentId(null).build());
        assertThat(order(out)).containsExactly("P", "r<P", "Q", "q1<Q");
    }
}
