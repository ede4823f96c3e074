package io.planwright.core.stakeholders;

import io.planwright.core.check.Problem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RaciTest {

    private static final Plan PLAN = Plan.builder("p")
            .resources(List.of(Resource.builder("ann").name("Ann").type(ResourceType.WORK).build(),
                    Resource.builder("crane").type(ResourceType.MATERIAL).build()))
            .stakeholders(List.of(new Stakeholder("cfo", "The CFO", null, null, null, null, null, null, null, null)))
            .roles(List.of("PMO"))
            .task(Task.builder("phase").name("Phase").raci(List.of(new RaciEntry("cfo", RaciRole.A))).build())
            .task(Task.builder("sub").name("Sub-phase").parentId("phase").build())
            .task(Task.builder("a").name("A").parentId("sub").build())
            .task(Task.builder("b").name("B").parentId("sub").raci(List.of(new RaciEntry("PMO", RaciRole.R))).build())
            .task(Task.builder("c").name("C").build())
            .build();

    @Test
    void partiesAreThoseNamedThenPeopleStakeholdersAndRoles() {
        assertThat(Raci.parties(PLAN)).containsExactly("cfo", "PMO", "ann");
        assertThat(Raci.partyNames(PLAN)).containsEntry("cfo", "The CFO").containsEntry("ann", "Ann").containsEntry("PMO", "PMO")
                .containsEntry("crane", "crane");
    }

    @Test
    void aTaskWithoutRaciIsCoveredByTheNearestPhaseWithRaci() {
        assertThat(Raci.coveringPhases(PLAN)).isEqualTo(Map.of("sub", "Phase", "a", "Phase"));
    }

    @Test
    void theRaciProblemsOfEachTask() {
        List<Problem> problems = List.of(Problem.error("raci-no-accountable", "tasks/b/raci", "no one is accountable"),
                Problem.warning("raci-two", "tasks/b/raci/0", "two responsible"),
                Problem.error("bad-duration", "tasks/a/duration", "not RACI"),
                Problem.error("plan", null, "no path"));
        assertThat(Raci.problemsByTask(problems)).isEqualTo(Map.of("b", List.of("no one is accountable", "two responsible")));
    }

    @Test
    void aCellCyclesNoneResponsibleAccountableConsultedInformedNone() {
        assertThat(Raci.next(null)).isEqualTo(RaciRole.R);
        assertThat(Raci.next(RaciRole.R)).isEqualTo(RaciRole.A);
        assertThat(Raci.next(RaciRole.A)).isEqualTo(RaciRole.C);
        assertThat(Raci.next(RaciRole.C)).isEqualTo(RaciRole.I);
        assertThat(Raci.next(RaciRole.I)).isNull();
    }
}
