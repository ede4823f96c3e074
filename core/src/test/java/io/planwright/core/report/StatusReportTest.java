package io.planwright.core.report;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Level;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Rate;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.core.track.Baselines;
import io.planwright.core.track.ProgressUpdate;
import io.planwright.core.track.ProjectStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A report of a small plan two Fridays in: design done with its milestone, build slipped by two days, a task
 * added, one risk up, one closed, one new; compared with the report of the first Friday.
 */
class StatusReportTest {

    static final LocalDateTime MONDAY = LocalDateTime.of(2027, 1, 4, 8, 0);
    static final LocalDateTime FIRST_FRIDAY = LocalDateTime.of(2027, 1, 8, 17, 0);
    static final LocalDateTime SECOND_FRIDAY = LocalDateTime.of(2027, 1, 15, 17, 0);

    /** The plan as approved, its baseline saved, with progress as of the first Friday. */
    static Plan first() {
        Plan plan = Plan.builder("Shop <b>rollout</b>").start(MONDAY)
                .resource(Resource.builder("ana").name("Ana").standardRate(Rate.perHour(new BigDecimal("100"))).build())
                .tasks(List.of(
                        Task.builder("design").name("Design").duration("5d").assignment(Assignment.of("ana", 1)).build(),
                        Task.builder("designed").name("Design approved").milestone(true).after("design").build(),
                        Task.builder("build").name("Build").duration("10d").after("design").assignment(Assignment.of("ana", 1)).build(),
                        Task.builder("manual").name("Manual").duration("6d").after("design").build(),
                        Task.builder("live").name("Go live").milestone(true).after("build").build()))
                .risks(List.of(
                        Risk.builder("r1").title("Supplier late").probability(0.2).impact(Level.HIGH).owner("Ana").build(),
                        Risk.builder("r2").title("Key user leaves").probability(0.5).impact(Level.MEDIUM).build()))
                .build();
        PlanSchedule s = PlanScheduler.schedule(plan);
        plan = Baselines.save(plan, Baselines.capture(plan, s, Baselines.MAIN, "Approved plan", MONDAY));
        return ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), FIRST_FRIDAY, ProgressUpdate.Rule.SHARE_ELAPSED).plan()
                .toBuilder().statusDate(FIRST_FRIDAY).build();
    }

    /** A week later: build takes two days longer, training is added, r1 is likelier, r2 closed, r3 new. */
    static Plan second() {
        Plan plan = first();
        List<Task> tasks = new java.util.ArrayList<>(plan.tasks().stream()
                .map(t -> t.id().equals("build") ? t.toBuilder().duration("12d").build() : t).toList());
        tasks.add(Task.builder("training").name("Training").duration("2d").after("manual").build());
        plan = plan.toBuilder().tasks(tasks).risks(List.of(
                Risk.builder("r1").title("Supplier late").probability(0.6).impact(Level.HIGH).owner("Ana").build(),
                Risk.builder("r2").title("Key user leaves").probability(0.5).impact(Level.MEDIUM).status(RiskStatus.CLOSED).build(),
                Risk.builder("r3").title("Data <script>alert(1)</script>").probability(0.1).impact(Level.LOW).build())).build();
        return ProgressUpdate.asOf(plan, PlanScheduler.schedule(plan), SECOND_FRIDAY, ProgressUpdate.Rule.SHARE_ELAPSED).plan()
                .toBuilder().statusDate(SECOND_FRIDAY).build();
    }

    static StatusReport report(java.util.Set<Section> sections) {
        return StatusReport.of(PlanScheduler.schedule(second()), null, null, PlanScheduler.schedule(first()), sections,
                List.of(new StatusReport.Waiting("approval", "Budget for training", "Sponsor", FIRST_FRIDAY)), List.of());
    }

    @Test
    void theHeadlineAndFiguresAreTheStatusOfThePlanAtItsStatusDate() {
        StatusReport r = report(EnumSet.allOf(Section.class));
        assertThat(r.planName()).isEqualTo("Shop <b>rollout</b>");
        assertThat(r.asOf()).isEqualTo(SECOND_FRIDAY);
        assertThat(r.baselineName()).isEqualTo("Approved plan");
        assertThat(r.headline()).isEqualTo(ProjectStatus.Headline.LATE);
        assertThat(r.reasons()).first().asString().contains("2 working days later than the baseline's");
        assertThat(r.progress().finishVarianceDays()).isEqualTo(2.0);
        assertThat(r.progress().figures().bac()).isEqualTo(15 * 8 * 100.0);
        assertThat(r.progress().tasksDone()).isEqualTo(2);   // design and its milestone
        assertThat(r.progress().tasks()).isEqualTo(6);
        assertThat(r.curve()).isNotEmpty();
        assertThat(r.waiting()).extracting(StatusReport.Waiting::what).containsExactly("Budget for training");
    }

    @Test
    void milestonesDoneSinceThePreviousReportAndNext() {
        StatusReport r = report(EnumSet.allOf(Section.class));
        assertThat(r.milestones().since()).isEqualTo(FIRST_FRIDAY);
        // design finished on the first Friday, so its milestone was done by the previous report, not since
        assertThat(r.milestones().done()).isEmpty();
        assertThat(r.milestones().next()).extracting(StatusReport.Milestone::name).containsExactly("Go live");
        assertThat(r.milestones().next().get(0).varianceDays()).isEqualTo(2.0);

        StatusReport firstReport = StatusReport.of(PlanScheduler.schedule(second()), null, null, null, Audience.TEAM.sections(), List.of(), null);
        assertThat(firstReport.milestones().since()).isEqualTo(SECOND_FRIDAY.minusDays(30));
        assertThat(firstReport.milestones().done()).extracting(StatusReport.Milestone::name).containsExactly("Design approved");
    }

    @Test
    void changesSinceThePreviousReport() {
        StatusReport.Changes c = report(EnumSet.allOf(Section.class)).changes();
        assertThat(c.first()).isFalse();
        assertThat(c.previousStatusDate()).isEqualTo(FIRST_FRIDAY);
        assertThat(c.finishMovedDays()).isEqualTo(2.0);
        assertThat(c.tasksAdded()).extracting(StatusReport.Named::name).containsExactly("Training");
        assertThat(c.tasksRemoved()).isEmpty();
        assertThat(c.impact().slipped()).extracting(s -> s.id()).contains("build", "live");
        assertThat(c.impact().workAddedHours()).isZero();   // training has no one assigned: no work
        assertThat(c.risksAdded()).isEqualTo(1);
        assertThat(c.risksChanged()).isEqualTo(2);
    }

    @Test
    void aFirstReportHasNothingToCompare() {
        StatusReport r = StatusReport.of(PlanScheduler.schedule(second()), null, null, null, Audience.TEAM.sections(), List.of(), null);
        assertThat(r.changes().first()).isTrue();
        assertThat(r.risks().top()).extracting(StatusReport.RiskLine::change).containsOnlyNulls();
        assertThat(r.risks().closed()).isEmpty();
    }

    @Test
    void topRisksByScoreWithWhatChangedInThem() {
        StatusReport.Risks risks = report(EnumSet.allOf(Section.class)).risks();
        assertThat(risks.top()).extracting(StatusReport.RiskLine::id).containsExactly("r1", "r3");
        assertThat(risks.top().get(0).change()).isEqualTo(StatusReport.RiskChange.UP);
        assertThat(risks.top().get(0).previousScore()).isEqualTo(8);
        assertThat(risks.top().get(0).score()).isEqualTo(16);
        assertThat(risks.top().get(1).change()).isEqualTo(StatusReport.RiskChange.NEW);
        assertThat(risks.closed()).extracting(StatusReport.RiskLine::id).containsExactly("r2");
        assertThat(risks.open()).isEqualTo(2);
        assertThat(risks.heat().get(3).get(3)).isEqualTo(1);   // r1: probability level 4, impact high (4)
        assertThat(risks.heat().get(1).get(1)).isEqualTo(1);   // r3: probability level 2, impact low (2)

        StatusReport sponsor = StatusReport.of(PlanScheduler.schedule(second()), null, null, null, Audience.SPONSOR.sections(),
                1, List.of(), null);
        assertThat(sponsor.risks().top()).hasSize(1);
    }

    @Test
    void theTeamSeesOverdueWorkFirstThenThisWeekAndNext() {
        StatusReport r = report(EnumSet.allOf(Section.class));
        // the status date is a Friday: the manual and build are under way this week; training starts next week
        assertThat(r.tasks()).extracting(StatusReport.TeamTask::id, StatusReport.TeamTask::when).containsExactly(
                org.assertj.core.groups.Tuple.tuple("manual", StatusReport.When.THIS_WEEK),
                org.assertj.core.groups.Tuple.tuple("build", StatusReport.When.THIS_WEEK),
                org.assertj.core.groups.Tuple.tuple("training", StatusReport.When.NEXT_WEEK));
        assertThat(r.tasks().get(1).who()).containsExactly("Ana");
    }

    @Test
    void audiencesAndSectionsByName() {
        assertThat(Audience.parse("Sponsor").sections()).containsExactly(Section.SUMMARY, Section.MILESTONES, Section.RISKS,
                Section.DECISIONS, Section.CHARTS);
        assertThat(Audience.parse("steering").sections()).doesNotContain(Section.TASKS).contains(Section.CHANGES);
        assertThat(Audience.parse(null)).isEqualTo(Audience.TEAM);
        assertThatThrownBy(() -> Audience.parse("board")).hasMessage("no audience 'board'; the audiences are sponsor, steering, team");
        assertThat(Sections.parse(" risks, Summary ")).containsExactly(Section.SUMMARY, Section.RISKS);
        assertThatThrownBy(() -> Sections.parse("summary,budget")).isInstanceOf(Sections.UnknownSection.class)
                .hasMessage("no section 'budget'; the sections are summary, progress, milestones, changes, risks, kpis, decisions, tasks, charts");
        assertThat(report(Sections.parse("summary")).shows(Section.RISKS)).isFalse();
    }

    @Test
    void anUnknownBaselineSaysWhichThePlanHas() {
        assertThatThrownBy(() -> StatusReport.of(PlanScheduler.schedule(second()), "baseline7", null, null, Audience.TEAM.sections(), List.of(), null))
                .isInstanceOf(ProjectStatus.UnknownBaseline.class).hasMessageContaining("baseline (Approved plan)");
    }
}
