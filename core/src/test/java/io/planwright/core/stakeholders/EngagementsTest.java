package io.planwright.core.stakeholders;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Engagement;
import io.planwright.core.model.Frequency;
import io.planwright.core.model.Level;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.stakeholders.Engagements.Answer;
import io.planwright.core.stakeholders.Engagements.Reason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EngagementsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 12, 0);

    private static Stakeholder s(String id, String org, String role, Level influence) {
        return new Stakeholder(id, id.toUpperCase(), org, role, influence, Level.HIGH, null, null, null, null);
    }

    private static final Plan PLAN = Plan.builder("p")
            .stakeholder(s("cfo", "Board", "sponsor", Level.VERY_HIGH))
            .stakeholder(s("coo", "Board", "operations", Level.HIGH))
            .stakeholder(s("union", "Staff", "works council", Level.HIGH))
            .stakeholder(s("clerk", "Staff", "user", Level.LOW))
            .stakeholder(s("auditor", "Audit", "auditor", Level.HIGH))
            .communication(new CommunicationItem("weekly", "Weekly report", null, List.of("cfo", "operations", "clerk"), "email", Frequency.WEEKLY,
                    null, null, null, null, List.of(), List.of("What worries you?")))
            .communication(new CommunicationItem("golive", "Go-live note", null, List.of("auditor"), "email", Frequency.MILESTONE, null, null))
            .build();

    @Test
    void keyStakeholdersNotReachedOrSilentForTwoCyclesAreFlagged() {
        List<Answer> answers = List.of(new Answer("cfo", NOW.minusDays(3), 4), new Answer("coo", NOW.minusDays(15), 2),
                new Answer("clerk", NOW.minusDays(60), 1));
        List<Engagements.Flag> flags = Engagements.flags(PLAN, answers, NOW, Engagements.DEFAULT_SILENT_CYCLES);
        assertThat(flags).extracting(Engagements.Flag::stakeholderId, Engagements.Flag::reason)
                .as("cfo answered this week; coo (reached by role) is silent over two weekly cycles; the works council is not reached;"
                        + " the auditor is reached only at milestones; the clerk is no key stakeholder")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("coo", Reason.SILENT), org.assertj.core.groups.Tuple.tuple("union", Reason.NOT_REACHED));
        assertThat(flags.get(0).days()).isEqualTo(14);
        assertThat(Engagements.flags(PLAN, answers, NOW, 3)).as("three cycles: coo answered 15 days ago")
                .extracting(Engagements.Flag::stakeholderId).containsExactly("union");
        assertThat(Engagements.flags(PLAN, List.of(), NOW, 2)).extracting(Engagements.Flag::stakeholderId).as("never answered is silent")
                .containsExactly("cfo", "coo", "union");
    }

    @Test
    void confidenceIsShownWeekByWeekPerGroupAndSuggestsAnEngagement() {
        List<Answer> answers = List.of(new Answer("cfo", LocalDateTime.of(2026, 5, 4, 9, 0), 2), new Answer("coo", LocalDateTime.of(2026, 5, 6, 9, 0), 4),
                new Answer("cfo", LocalDateTime.of(2026, 5, 12, 9, 0), 5), new Answer("clerk", LocalDateTime.of(2026, 5, 13, 9, 0), 1));
        assertThat(Engagements.weekly(answers)).containsExactly(new Engagements.Point(LocalDate.of(2026, 5, 4), 3.0, 2),
                new Engagements.Point(LocalDate.of(2026, 5, 11), 3.0, 2));
        assertThat(Engagements.weeklyBy(PLAN, answers, Stakeholder::organisation)).containsOnlyKeys("Board", "Staff");
        assertThat(Engagements.weeklyBy(PLAN, answers, Stakeholder::organisation).get("Board")).extracting(Engagements.Point::confidence)
                .containsExactly(3.0, 5.0);
        assertThat(Engagements.suggested(List.of())).isEmpty();
        assertThat(Engagements.suggested(answers.subList(0, 1))).contains(Engagement.RESISTANT);
        assertThat(Engagements.suggested(List.of(answers.get(0), answers.get(2)))).as("average 3.5 rounds to 4").contains(Engagement.SUPPORTIVE);
        assertThat(Engagements.suggested(List.of(new Answer("x", NOW, 5)))).contains(Engagement.LEADING);
        assertThat(Engagements.suggested(List.of(new Answer("x", NOW, 3)))).contains(Engagement.NEUTRAL);
    }
}
