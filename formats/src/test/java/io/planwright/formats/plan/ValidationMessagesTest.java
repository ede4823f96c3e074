package io.planwright.formats.plan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every validation message, with its location, exactly as a user sees it. Each case is a small plan
 * file (after a common head: a plan named P starting 2026-03-02, lines 1-3) and the problems it gets.
 */
class ValidationMessagesTest {

    static final String HEAD = "plan:\n  name: P\n  start: 2026-03-02\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---------------------------------------------------------------- the file
                of("syntax", "tasks:\n  a: [x\n", "plan.yaml:6:1: error: YAML syntax error: while parsing a flow sequence: expected ',' or ']', but got <stream end> (is a '[' not closed with ']'?)"),
                of("unknown key", "tasks:\n  a: {duration: 1d, dureation: 2d}\n", "plan.yaml:5:21: error: unknown key 'dureation' in task 'a' (did you mean 'duration'?)"),
                of("duplicate key", "tasks:\n  a: {duration: 1d, duration: 2d}\n", "plan.yaml:5:21: error: 'duration' appears twice in task 'a' (first on line 5)"),
                of("duplicate id in a section", "resources:\n  r: {}\n  r: {}\n", "plan.yaml:6:3: error: the id 'r' is used twice in resources (first on line 5)"),
                of("bad id", "resources:\n  'r 1': {}\n", "plan.yaml:5:3: error: 'r 1' is not a valid id: use letters, digits, '-', '_' and '.', starting with a letter or digit"),
                of("wrong type", "tasks:\n  a: 5d\n", "plan.yaml:5:6: error: task 'a' should be a mapping (key: value lines), not a value"),
                of("single value expected", "tasks:\n  a: {name: {x: 1}, duration: 1d}\n", "plan.yaml:5:13: error: task 'a' should be a single value, not a mapping"),
                of("bad duration", "tasks:\n  a: {duration: soon}\n", "plan.yaml:5:17: error: 'soon' is not a duration (such as 3d, 4h, 2w, 1.5mo, or 3ed for elapsed days) (the duration of task 'a')"),
                of("bad date", "tasks:\n  a: {duration: 1d, deadline: 2026-13-01}\n", "plan.yaml:5:31: error: '2026-13-01' is not a date (such as 2026-03-02 or 2026-03-02T08:00) (the deadline of task 'a')"),
                of("bad word", "resources:\n  r: {type: person}\n", "plan.yaml:5:13: error: 'person' is not one of work, material, cost (the type of resource 'r')"),
                of("bad percentage", "tasks:\n  a: {duration: 1d, progress: half}\n", "plan.yaml:5:31: error: 'half' is not a percentage such as 40% (the progress of task 'a')"),
                of("bad link", "tasks:\n  a: {duration: 1d}\n  b: {duration: 1d, after: [a XX]}\n", "plan.yaml:6:29: error: 'a XX' is not a predecessor; write it as 'design', 'design SS', 'design FS+2d', 'design FF-1d' or 'design SS+50%'"),
                of("bad constraint", "tasks:\n  a: {duration: 1d, constraint: SOON 2026-04-01}\n", "plan.yaml:5:33: error: 'SOON' is not a constraint; use ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO or MFO"),
                of("constraint without date", "tasks:\n  a: {duration: 1d, constraint: SNET}\n", "plan.yaml:5:33: error: SNET (start no earlier than) needs a date, such as 'SNET 2026-04-01'"),
                of("bad estimate", "tasks:\n  a: {duration: 1d, estimate: 1d / 2d}\n", "plan.yaml:5:31: error: the estimate of task 'a' needs three durations: optimistic / most likely / pessimistic, such as '3d / 5d / 9d'"),
                of("bad hours", "calendars:\n  c: {week: {mon: 9-17}}\n", "plan.yaml:5:19: error: '9-17' is not a range of working hours (write 08:00-12:00, or off) in calendar 'c'"),
                of("not a weekday", "calendars:\n  c: {week: {mo: 08:00-17:00}}\n", "plan.yaml:5:14: error: 'mo' is not a weekday (mon, tue, wed, thu, fri, sat, sun) (did you mean 'mon'?)"),
                of("bad RACI letter", "roles: [x]\ntasks:\n  a: {duration: 1d, raci: {x: Z}}\n", "plan.yaml:6:31: error: 'Z' is not R, A, C or I (RACI of task 'a' for 'x')"),
                of("bad time zone", "  time-zone: Mars/Olympus\n", "plan.yaml:4:14: error: 'Mars/Olympus' is not a time zone (such as Europe/Berlin or UTC)"),
                of("bad currency", "  currency: EURO\n", "plan.yaml:4:13: error: 'EURO' is not an ISO 4217 currency code (such as EUR or USD)"),
                of("newer format", "planwright: 2\n", "plan.yaml:4:13: error: this file is format version 2; this Planwright reads version 1"),
                raw("no plan section", "tasks: {}\n", "plan.yaml:1:1: error: the file has no 'plan:' section (name, start date, calendar)"),
                of("empty phase", "tasks:\n  p: {tasks: {}}\n", "plan.yaml:5:14: warning: 'p' has an empty 'tasks:' list", "plan.yaml:5:3: warning: task 'p' has no duration; 1 day is assumed"),
                // ---------------------------------------------------------------- the plan
                raw("no start", "plan: {name: P}\n", "plan.yaml:1:7: error: the plan needs a start date (plan: start)"),
                of("target finish before start", "  finish: 2026-01-01\ntasks:\n  a: {duration: 1d}\n",
                        "plan.yaml:4:11: warning: the plan finishes 42 working days after its target finish Thu 2026-01-01 17:00 (finish Mon 2026-03-02 17:00): the tasks that drive the finish show negative float"),
                of("backward plan with its start after its finish", "  finish: 2026-01-30\n  schedule-from: finish\ntasks:\n  a: {duration: 1d}\n",
                        "plan.yaml:3:10: warning: the plan is scheduled back from its finish (2026-01-30) but gives a start after it (2026-03-02); the schedule works back from the finish",
                        "plan.yaml:3:10: warning: to finish by Fri 2026-01-30 17:00 the work must start Fri 2026-01-30 08:00, before the plan's start Mon 2026-03-02 00:00"),
                of("backward without finish", "  schedule-from: finish\n", "plan.yaml:4:18: error: a plan scheduled from its finish needs a finish date (plan: finish)"),
                of("unknown default calendar", "  calendar: std\ncalendars:\n  standard: {}\n", "plan.yaml:4:13: error: unknown calendar 'std'"),
                of("unknown task", "tasks:\n  design: {duration: 1d}\n  b: {duration: 1d, after: [desing]}\n", "plan.yaml:6:29: error: task 'b' depends on unknown task 'desing' (did you mean 'design'?)"),
                of("self link", "tasks:\n  a: {duration: 1d, after: [a]}\n", "plan.yaml:5:29: error: task 'a' cannot depend on itself"),
                of("duplicate link", "tasks:\n  a: {duration: 1d}\n  b: {duration: 1d, after: [a, a SS]}\n", "plan.yaml:6:32: error: task 'b' is linked to 'a' twice; keep one link"),
                of("link to own summary", "tasks:\n  p:\n    tasks:\n      a: {duration: 1d, after: [p]}\n", "plan.yaml:7:33: error: task 'a' cannot depend on its own summary task 'p'"),
                of("summary depends on its task", "tasks:\n  p:\n    after: [a]\n    tasks:\n      a: {duration: 1d}\n", "plan.yaml:6:13: error: summary task 'p' cannot depend on its own task 'a'"),
                of("duplicate task id across phases", "tasks:\n  p: {tasks: {a: {duration: 1d}}}\n  q: {tasks: {a: {duration: 1d}}}\n", "plan.yaml:6:15: error: the task id 'a' is used twice (first on line 5); task ids must be unique across the whole plan"),
                of("cycle", "tasks:\n  a: {duration: 1d, after: [c]}\n  b: {duration: 1d, after: [a]}\n  c: {duration: 1d, after: [b]}\n", "plan.yaml:5:28: error: dependency cycle: a -> b -> c -> a; no task of it could ever start. Remove one of these links"),
                of("negative duration", "tasks:\n  a: {duration: -1d}\n", "plan.yaml:5:17: error: task 'a' has a negative duration (-1d)"),
                of("percent duration", "tasks:\n  a: {duration: 50%}\n", "plan.yaml:5:17: error: task 'a' has duration 50%; a percentage is only allowed for lags"),
                of("missing duration", "tasks:\n  a: {name: A}\n", "plan.yaml:5:3: warning: task 'a' has no duration; 1 day is assumed"),
                of("summary duration", "tasks:\n  p: {duration: 5d, tasks: {a: {duration: 1d}}}\n", "plan.yaml:5:17: warning: summary task 'p' spans its tasks; its own duration 5d is ignored"),
                of("summary constraint", "tasks:\n  p: {constraint: MSO 2026-03-05, tasks: {a: {duration: 1d}}}\n", "plan.yaml:5:19: error: summary task 'p' can only have 'start no earlier than' or 'finish no later than' constraints, not 'must start on'"),
                of("start constraint after deadline", "tasks:\n  a: {duration: 1d, constraint: SNET 2026-04-10, deadline: 2026-04-01}\n", "plan.yaml:5:33: warning: task 'a' may not start before 2026-04-10 but its deadline is 2026-04-01: it will miss its deadline",
                        "plan.yaml:5:60: warning: 'a' finishes 7 working days after its deadline Wed 2026-04-01 17:00 (finish Fri 2026-04-10 17:00)"),
                of("finish constraint after deadline", "tasks:\n  a: {duration: 1d, constraint: FNET 2026-04-10, deadline: 2026-04-01}\n", "plan.yaml:5:33: error: task 'a' may not finish before 2026-04-10 but its deadline is 2026-04-01: it can never meet it"),
                of("finish constraint before start", "tasks:\n  a: {duration: 1d, constraint: FNLT 2026-02-01}\n", "plan.yaml:5:33: error: task 'a' must finish by 2026-02-01, which is not after the plan start 2026-03-02"),
                of("manual start against MSO", "tasks:\n  a: {duration: 1d, manual: true, start: 2026-03-03, constraint: MSO 2026-03-04}\n", "plan.yaml:5:66: error: manually scheduled task 'a' starts 2026-03-03 but must start on 2026-03-04"),
                of("deadline before start", "tasks:\n  a: {duration: 1d, deadline: 2026-02-01}\n", "plan.yaml:5:31: warning: task 'a' has its deadline 2026-02-01 before the plan even starts (2026-03-02): it will miss it",
                        "plan.yaml:5:31: warning: 'a' finishes 21 working days after its deadline Sun 2026-02-01 17:00 (finish Mon 2026-03-02 17:00)"),
                of("progress out of range", "tasks:\n  a: {duration: 1d, progress: 120%}\n", "plan.yaml:5:31: error: task 'a' is 120% complete; progress runs from 0% to 100%"),
                of("finish without start", "tasks:\n  a: {duration: 1d, actual-finish: 2026-03-03}\n", "plan.yaml:5:36: error: task 'a' has an actual finish but no actual start"),
                of("finished before started", "tasks:\n  a: {duration: 1d, actual-start: 2026-03-05, actual-finish: 2026-03-03}\n", "plan.yaml:5:62: error: task 'a' actually finished (2026-03-03) before it actually started (2026-03-05)"),
                of("manual finish before start", "tasks:\n  a: {duration: 1d, manual: true, start: 2026-03-05, finish: 2026-03-03}\n", "plan.yaml:5:62: error: manually scheduled task 'a' finishes (2026-03-03) before it starts (2026-03-05)"),
                of("manual without start", "tasks:\n  a: {duration: 1d, manual: true}\n", "plan.yaml:5:29: warning: manually scheduled task 'a' has no start date; it is scheduled automatically"),
                of("actual after status date", "  status-date: 2026-03-03\ntasks:\n  a: {duration: 1d, actual-start: 2026-03-10}\n", "plan.yaml:6:35: warning: task 'a' started after the status date 2026-03-03"),
                of("estimate out of order", "tasks:\n  a: {duration: 1d, estimate: 5d / 2d / 9d}\n", "plan.yaml:5:31: error: task 'a': the estimate must run from optimistic to most likely to pessimistic (5d / 2d / 9d is out of order)"),
                of("unknown calendar on a task", "tasks:\n  a: {duration: 1d, calendar: nights}\n", "plan.yaml:5:31: error: task 'a' uses unknown calendar 'nights'"),
                of("calendar loop", "calendars:\n  a: {base: b}\n  b: {base: a}\n", "plan.yaml:5:13: error: calendars are based on each other in a loop: a -> b -> a", "plan.yaml:6:13: error: calendars are based on each other in a loop: b -> a -> b"),
                of("unknown base calendar", "calendars:\n  a: {base: standrd}\n", "plan.yaml:5:13: error: calendar 'a' is based on unknown calendar 'standrd'"),
                of("calendar without work", "calendars:\n  c: {week: {mon: off, tue: off, wed: off, thu: off, fri: off}}\n", "plan.yaml:5:3: error: calendar 'c' has no working time in its week: no task could ever be scheduled on it"),
                of("overlapping exceptions", "calendars:\n  c:\n    exceptions:\n      - {from: 2026-12-24, to: 2026-12-31}\n      - {date: 2026-12-25}\n", "plan.yaml:8:9: warning: exception '2026-12-25' overlaps '2026-12-24'; the first one listed applies on the days they share"),
                of("resource without capacity", "resources:\n  r: {max-units: 0%}\n", "plan.yaml:5:18: error: resource 'r' has max units 0%: a person or machine needs more than 0% to do any work"),
                of("negative rate", "resources:\n  r: {rate: -5/h}\n", "plan.yaml:5:13: error: resource 'r' has a negative rate"),
                of("unknown resource", "resources:\n  anna: {}\ntasks:\n  a: {duration: 1d, resources: {ana: 100%}}\n", "plan.yaml:7:33: error: task 'a' is assigned unknown resource 'ana' (did you mean 'anna'?)"),
                of("zero units", "resources:\n  anna: {}\ntasks:\n  a: {duration: 1d, resources: {anna: 0%}}\n", "plan.yaml:7:33: error: resource 'anna' is assigned to 'a' at 0%; units must be above 0"),
                of("resources on a summary", "resources:\n  anna: {}\ntasks:\n  p: {resources: [anna], tasks: {a: {duration: 1d}}}\n", "plan.yaml:7:19: warning: resources on summary task 'p' are not used for scheduling; assign them to its tasks"),
                of("unknown objective", "objectives:\n  growth: {}\ntasks:\n  a: {duration: 1d, objectives: [grwth]}\n", "plan.yaml:7:34: error: task 'a' serves unknown objective 'grwth' (did you mean 'growth'?)"),
                of("KPI without target", "objectives:\n  o:\n    kpis:\n      k: {unit: days}\ntasks:\n  a: {duration: 1d, objectives: [o]}\n", "plan.yaml:7:7: warning: KPI 'k' has no target: progress cannot be measured against it"),
                of("KPI due before start", "objectives:\n  o:\n    kpis:\n      k: {target: 1, target-date: 2026-01-01}\ntasks:\n  a: {duration: 1d, objectives: [o]}\n", "plan.yaml:7:35: warning: KPI 'k' is due before the plan starts"),
                of("untraced work", "objectives:\n  o: {}\ntasks:\n  a: {duration: 1d, objectives: [o]}\n  b: {duration: 1d}\n", "plan.yaml:8:3: warning: task 'b' serves no objective, directly or through its phase or a deliverable: possible scope creep"),
                of("no accountable", "roles: [pm]\ntasks:\n  a: {duration: 1d, raci: {pm: R}}\n", "plan.yaml:6:27: error: task 'a' has no one Accountable (A) in its RACI: exactly one person or role must be"),
                of("several accountable", "roles: [pm, sponsor]\ntasks:\n  a: {duration: 1d, raci: {pm: A, sponsor: A}}\n", "plan.yaml:6:27: error: task 'a' has 2 Accountable (pm, sponsor); exactly one must be", "plan.yaml:6:27: warning: task 'a' has no one Responsible (R) in its RACI: who does the work?"),
                of("unknown RACI party", "roles: [sponsor]\ntasks:\n  a: {duration: 1d, raci: {sponsr: A}}\n", "plan.yaml:6:28: error: task 'a' names 'sponsr' in its RACI, who is neither a resource, a stakeholder nor a role (did you mean 'sponsor'?)", "plan.yaml:6:27: warning: task 'a' has no one Responsible (R) in its RACI: who does the work?"),
                of("RACI on a deliverable", "roles: [pm]\ndeliverables:\n  d: {raci: {pm: C}}\n", "plan.yaml:6:13: error: deliverable 'd' has no one Accountable (A) in its RACI: exactly one person or role must be", "plan.yaml:6:13: warning: deliverable 'd' has no one Responsible (R) in its RACI: who does the work?"),
                of("deliverable of an unknown task", "deliverables:\n  d: {tasks: [x]}\n", "plan.yaml:5:15: error: deliverable 'd' is produced by unknown task 'x'"),
                of("probability out of range", "risks:\n  r: {probability: 130%}\n", "plan.yaml:5:20: error: risk 'r' has probability 1.3; a probability runs from 0 to 1 (0% to 100%)"),
                of("risk schedule impact without tasks", "risks:\n  r: {probability: 10%, schedule-impact: 5d}\n", "plan.yaml:5:3: warning: risk 'r' has a schedule impact but no linked tasks it would delay"),
                of("risk cost impact out of order", "risks:\n  r: {probability: 10%, cost-impact: 9000 / 5000 / 1000}\n", "plan.yaml:5:38: error: risk 'r': the cost impact must run from optimistic to most likely to pessimistic"),
                of("unknown risk owner", "resources:\n  anna: {}\nrisks:\n  r: {probability: 10%, owner: ana}\n", "plan.yaml:7:32: error: risk 'r' is owned by 'ana', who is neither a resource, a stakeholder nor a role (did you mean 'anna'?)"),
                of("unreached stakeholder", "stakeholders:\n  cfo: {engagement: neutral, desired-engagement: supportive}\n", "plan.yaml:5:3: warning: stakeholder 'cfo' should become more engaged (neutral to supportive) but no communication reaches them"),
                of("unknown audience", "stakeholders:\n  cfo: {}\ncommunications:\n  c: {audience: [cf0]}\n", "plan.yaml:7:18: error: communication 'c' goes to 'cf0', who is neither a stakeholder, a resource nor a role (did you mean 'cfo'?)"),
                of("no audience", "communications:\n  c: {channel: email}\n", "plan.yaml:5:3: warning: communication 'c' has no audience"),
                of("baseline of a task no longer in the plan", "tasks:\n  design: {duration: 1d}\nbaselines:\n  b0:\n    tasks:\n      desgn: {start: 2026-03-02}\n", "plan.yaml:9:7: warning: baseline 'b0' has values for task 'desgn', which is no longer in the plan (did you mean 'design'?)"),
                of("split outside the work", "tasks:\n  a:\n    duration: 5d\n    splits: [{after: 6d, pause: 1d}]\n", "plan.yaml:7:14: error: task 'a': a pause comes after some of its 5d of work and before the end, and after the pause before it (after 6d)"),
                // ---------------------------------------------------------------- the schedule
                of("missed deadline", "tasks:\n  a: {duration: 10d, deadline: 2026-03-06}\n", "plan.yaml:5:32: warning: 'a' finishes 5 working days after its deadline Fri 2026-03-06 17:00 (finish Fri 2026-03-13 17:00)"),
                of("constraint against links", "tasks:\n  a: {duration: 5d}\n  b: {duration: 1d, after: [a], constraint: MSO 2026-03-04}\n", "plan.yaml:6:45: warning: 'b' cannot meet its links and its constraint (must start on Wed 2026-03-04 00:00): its predecessors would let it start Mon 2026-03-09 08:00 at the earliest; the constraint wins and the plan shows negative float"),
                of("negative float without its own cause", "tasks:\n  p: {deadline: 2026-03-03, tasks: {a: {duration: 5d}}}\n", "plan.yaml:5:3: warning: 1 task has negative float: it must be made up before the deadlines and constraints that follow"),
                of("finished task whose actual dates contradict its duration", "tasks:\n  a: {duration: 2d, progress: 100%, actual-start: 2026-03-02, actual-finish: 2026-03-02}\n",
                        "plan.yaml:5:17: warning: task 'a' is finished: its actual dates (2026-03-02 to 2026-03-02) span 1d of work, but its duration is 2d: correct the duration or the actual dates"),
                of("work before the status date not done", "  status-date: 2026-03-13\ntasks:\n  a: {duration: 3d}\n  b: {duration: 12d}\n",
                        "plan.yaml:6:3: warning: task 'a' should have finished by the status date 2026-03-13 (scheduled finish Wed 2026-03-04 17:00) but is 0% complete: record its progress, or move the work past the status date",
                        "plan.yaml:7:3: warning: task 'b' should have started by the status date 2026-03-13 (scheduled start Mon 2026-03-02 08:00) but has not: record its actual start, or move the work past the status date"),
                of("over-allocated resource", "resources:\n  r: {max-units: 100%}\ntasks:\n  a: {duration: 2d, resources: {r: 100%}}\n  b: {duration: 1d, resources: {r: 100%}}\n",
                        "plan.yaml:5:3: warning: resource 'r' is over-allocated: up to 200 % of its 100 % from Mon 2026-03-02 08:00 to Mon 2026-03-02 17:00 (a, b): level the plan (planwright level) or change the assignments"),
                of("forward plan past its target finish", "  finish: 2026-03-10\ntasks:\n  a: {duration: 5d}\n  b: {duration: 5d, after: [a]}\n",
                        "plan.yaml:4:11: warning: the plan finishes 3 working days after its target finish Tue 2026-03-10 17:00 (finish Fri 2026-03-13 17:00): the tasks that drive the finish show negative float"),
                of("backward plan starts before the plan start", "  finish: 2026-03-06\n  schedule-from: finish\ntasks:\n  a: {duration: 10d}\n", "plan.yaml:3:10: warning: to finish by Fri 2026-03-06 17:00 the work must start Mon 2026-02-23 08:00, before the plan's start Mon 2026-03-02 00:00")
        );
    }

    static Arguments of(String name, String body, String... expected) {
        return Arguments.of(name, HEAD + body, List.of(expected));
    }

    static Arguments raw(String name, String yaml, String... expected) {
        return Arguments.of(name, yaml, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void message(String name, String yaml, List<String> expected) {
        ReadResult r = PlanFiles.check(PlanFiles.parse("plan.yaml", yaml, PlanFormat.YAML));
        assertThat(r.problems().stream().map(LocatedProblem::format).toList()).as(yaml).containsExactlyInAnyOrderElementsOf(expected);
    }
}
