package io.planwright.core.stakeholders;

import io.planwright.core.model.Approval;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Task;
import io.planwright.core.stakeholders.SignOff.Decision;
import io.planwright.core.stakeholders.SignOff.State;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignOffTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 5, 4, 9, 0);

    private static final Plan PLAN = Plan.builder("p")
            .task(Task.builder("phase").name("Phase").raci(List.of(new RaciEntry("cfo", RaciRole.A), new RaciEntry("pm", RaciRole.R))).build())
            .task(Task.builder("golive").name("Go-live").parentId("phase").milestone(true).approval(Approval.byAccountable()).build())
            .task(Task.builder("uat").name("UAT signed").milestone(true).approval(new Approval(List.of("cfo", "coo"))).build())
            .task(Task.builder("plain").name("Plain").milestone(true).build())
            .deliverable(new Deliverable("manual", "Manual", null, null, null, null, null, List.of(new RaciEntry("coo", RaciRole.A)),
                    Approval.byAccountable()))
            .build();

    @Test
    void theApproversAreThoseNamedElseTheAccountableOfTheItemOrItsPhase() {
        assertThat(SignOff.items(PLAN)).extracting(SignOff.Item::id).containsExactly("manual", "golive", "uat");
        assertThat(SignOff.item(PLAN, "manual").approvers()).containsExactly("coo");
        assertThat(SignOff.item(PLAN, "golive").approvers()).as("the phase's Accountable").containsExactly("cfo");
        assertThat(SignOff.item(PLAN, "uat").approvers()).containsExactly("cfo", "coo");
        assertThat(SignOff.item(PLAN, "plain")).isNull();
    }

    @Test
    void aMilestoneIsAcceptedOnlyWhenEveryApproverApproved() {
        List<String> both = List.of("cfo", "coo");
        assertThat(SignOff.state(false, List.of(), List.of())).isEqualTo(State.NOT_REQUIRED);
        assertThat(SignOff.accepted(false, List.of(), List.of())).isTrue();
        assertThat(SignOff.state(true, both, List.of())).isEqualTo(State.AWAITING);
        Decision cfoYes = new Decision("cfo", true, T, "fine");
        assertThat(SignOff.state(true, both, List.of(cfoYes))).isEqualTo(State.AWAITING);
        assertThat(SignOff.waitingOn(both, List.of(cfoYes))).containsExactly("coo");
        assertThat(SignOff.accepted(true, both, List.of(cfoYes))).isFalse();
        Decision cooNo = new Decision("coo", false, T.plusHours(1), "not yet");
        assertThat(SignOff.state(true, both, List.of(cfoYes, cooNo))).isEqualTo(State.REJECTED);
        Decision cooYes = new Decision("coo", true, T.plusHours(2), "now");
        assertThat(SignOff.state(true, both, List.of(cooYes, cfoYes, cooNo))).as("the latest decision of each counts").isEqualTo(State.ACCEPTED);
        assertThat(SignOff.accepted(true, both, List.of(cfoYes, cooNo, cooYes))).isTrue();
        assertThat(SignOff.state(true, List.of("cfo"), List.of(new Decision("stranger", true, T, null))))
                .as("only the approvers' decisions count").isEqualTo(State.AWAITING);
        assertThat(SignOff.state(true, List.of(), List.of())).as("nobody to approve: never accepted").isEqualTo(State.AWAITING);
    }
}
