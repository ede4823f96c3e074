package io.planwright.core.communication;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.check.PlanChecker;
import io.planwright.core.check.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CadenceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static ZonedDateTime at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), BERLIN);
    }

    @Test
    void weeklyFiresOnItsWeekdayAndTimeInThePlansZone() {
        Cadence c = Cadence.parse("weekly fri 14:00");
        assertThat(c.text()).isEqualTo("weekly fri 14:00");
        assertThat(c.next(at("2026-03-11T10:00"))).contains(at("2026-03-13T14:00"));
        // exactly at the fire time: the next one is a week later
        assertThat(c.next(at("2026-03-13T14:00"))).contains(at("2026-03-20T14:00"));
        // across the change to summer time (29 March 2026 in Berlin) the wall-clock time stays
        assertThat(c.next(at("2026-03-27T15:00")).get().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-04-03T14:00"));
    }

    @Test
    void everyTwoWeeksSkipsTheOtherWeeks() {
        Cadence c = Cadence.parse("Every 2 weeks Fri 14:00");
        ZonedDateTime first = c.next(at("2026-03-01T00:00")).orElseThrow();
        assertThat(c.next(first)).contains(first.plusWeeks(2));
        assertThat(c.text()).isEqualTo("every 2 weeks fri 14:00");
    }

    @Test
    void monthlyTakesTheLastDayOfShortMonths() {
        assertThat(Cadence.parse("monthly 1 09:00").next(at("2026-03-01T09:00"))).contains(at("2026-04-01T09:00"));
        assertThat(Cadence.parse("monthly 31 09:00").next(at("2026-02-01T00:00"))).contains(at("2026-02-28T09:00"));
    }

    @Test
    void atMilestonesFiresAtTheNextMilestone() {
        Cadence c = Cadence.parse("at milestones");
        List<LocalDateTime> ms = List.of(LocalDateTime.parse("2026-05-01T17:00"), LocalDateTime.parse("2026-04-01T17:00"));
        assertThat(c.next(at("2026-03-01T00:00"), ms)).contains(at("2026-04-01T17:00"));
        assertThat(c.next(at("2026-06-01T00:00"), ms)).isEmpty();
        assertThat(Cadence.parse("on milestone-missed, risk-triggered")).isInstanceOf(Cadence.OnEvents.class);
        assertThat(Cadence.parse("on risk-triggered").next(at("2026-03-01T00:00"))).isEmpty();
    }

    @Test
    void badSchedulesSayWhatIsWrong() {
        assertThatThrownBy(() -> Cadence.parse("every 0 weeks mon 09:00")).hasMessageContaining("never comes");
        assertThatThrownBy(() -> Cadence.parse("weekly funday 09:00")).hasMessageContaining("not a weekday");
        assertThatThrownBy(() -> Cadence.parse("weekly mon 25:00")).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> Cadence.parse("monthly 32 09:00")).hasMessageContaining("never comes");
        assertThatThrownBy(() -> Cadence.parse("on rain")).hasMessageContaining("unknown event 'rain'").hasMessageContaining("milestone-missed");
        assertThatThrownBy(() -> Cadence.parse("sometimes")).hasMessageContaining("weekly mon 09:00");
    }

    static Plan plan(CommunicationItem item, boolean withMilestone) {
        Plan.Builder b = Plan.builder("p").start(LocalDateTime.parse("2026-03-02T08:00"))
                .task(Task.builder("t1").duration(io.planwright.core.model.Duration.days(2))
                        .raci(List.of(new RaciEntry("cfo", RaciRole.I), new RaciEntry("ana", RaciRole.C))).build())
                .resource(Resource.builder("ana").email("ana@example.org").group("Project office").build())
                .stakeholder(new Stakeholder("cfo", "Claudia", null, "CFO", null, null, null, null, "claudia@example.org", null))
                .stakeholder(new Stakeholder("auditor", "Eva", null, null, null, null, null, null, null, null))
                .communication(item);
        if (withMilestone) {
            b.task(Task.builder("m1").milestone(true).build());
        }
        return b.build();
    }

    static CommunicationItem item(String schedule, String channel, String... audience) {
        return new CommunicationItem("report", "Report", null, List.of(audience), channel, null, null, null, schedule, null, List.of(), List.of());
    }

    @Test
    void audiencesReachStakeholdersResourcesGroupsAndRaciParts() {
        Plan p = plan(item("weekly mon 09:00", "email", "raci:I", "group:Project office", "cfo"), false);
        Audience.Resolution r = Audience.resolve(p, p.communications().get(0));
        assertThat(r.addresses()).containsExactly("claudia@example.org", "ana@example.org");
        Plan c = plan(item("weekly mon 09:00", "email", "raci:C"), false);
        assertThat(Audience.resolve(c, c.communications().get(0)).addresses()).containsExactly("ana@example.org");
        assertThat(Audience.planAddresses(p)).containsExactlyInAnyOrder("claudia@example.org", "ana@example.org");
    }

    static List<Problem> errors(Plan p) {
        return PlanChecker.check(p).stream().filter(x -> x.severity() == Problem.Severity.ERROR && x.path().startsWith("communications/")).toList();
    }

    @Test
    void theCheckerPutsEachProblemAtItsField() {
        assertThat(errors(plan(item("weekly mon 09:00", "email", "cfo", "raci:I"), false))).isEmpty();
        assertThat(errors(plan(item("fortnightly", "email", "cfo"), false)))
                .singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("communications/report/schedule"));
        assertThat(errors(plan(item("at milestones", "email", "cfo"), false)))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("never be sent"));
        assertThat(errors(plan(item("at milestones", "email", "cfo"), true))).isEmpty();
        assertThat(errors(plan(item("weekly mon 09:00", "email", "cfo", "auditor"), false)))
                .anySatisfy(e -> {
                    assertThat(e.path()).isEqualTo("communications/report/audience/1");
                    assertThat(e.message()).contains("'auditor'").contains("no e-mail address");
                });
        assertThat(errors(plan(item("weekly mon 09:00", "email", "cfo", "ceo"), false)))
                .singleElement().satisfies(e -> {
                    assertThat(e.path()).isEqualTo("communications/report/audience/1");
                    assertThat(e.message()).contains("'ceo'");
                });
        assertThat(errors(plan(item("weekly mon 09:00", "email", "raci:X"), false))).anySatisfy(e -> assertThat(e.message()).contains("raci:I"));
    }
}
