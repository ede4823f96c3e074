package io.planwright.formats.plan;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Charter;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.CostEstimate;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Distribution;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Engagement;
import io.planwright.core.model.Estimate;
import io.planwright.core.model.Frequency;
import io.planwright.core.model.Kpi;
import io.planwright.core.model.Level;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Rate;
import io.planwright.core.model.RateUnit;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Risk;
import io.planwright.core.model.RiskResponse;
import io.planwright.core.model.RiskStatus;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.TimeUnit;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.WorkTime;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Random plans that use every part of the model, with awkward text, for round-trip tests. */
final class RandomPlans {

    private static final String[] AWKWARD = {"yes", "no", "null", "~", "true", "123", "1.5", "2026-03-02", "- dash", "a: b",
            "# hash", "x #y", "[brackets]", "{braces}", "comma, here", "  spaced  ", "quote \" in", "back\\slash", "Zoë ümlaut 東京",
            "tab\tin", "line\nbreak", "trailing\n", "'single'", "@at", "%pct", "*star", "&amp", "!bang", "|pipe", ">gt", "?q", ":colon",
            "ends:", "multi\nline\ntext\n", "0x1F", "1e3", ".5", "+7", "Off", "ON", "=", "<<"};

    private final Random r;
    private int next;

    RandomPlans(long seed) {
        this.r = new Random(seed);
    }

    private String id(String prefix) {
        return prefix + (next++);
    }

    private String text() {
        if (r.nextInt(3) == 0) {
            return AWKWARD[r.nextInt(AWKWARD.length)];
        }
        String[] words = {"Design", "the", "build", "of", "Phase", "Go-live", "Review", "Daten", "café", "migration"};
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(words[r.nextInt(words.length)]);
        }
        return b.toString();
    }

    private String maybeText() {
        return r.nextBoolean() ? text() : null;
    }

    private LocalDateTime time() {
        LocalDateTime base = LocalDateTime.of(2026, 3, 2, 0, 0).plusDays(r.nextInt(300));
        return r.nextBoolean() ? base : base.plusMinutes(r.nextInt(1440));
    }

    private Duration duration(boolean allowNegative, boolean allowPercent) {
        TimeUnit[] units = TimeUnit.values();
        TimeUnit u;
        do {
            u = units[r.nextInt(units.length)];
        } while (u == TimeUnit.PERCENT && !allowPercent);
        double amount = r.nextBoolean() ? r.nextInt(20) : r.nextInt(2000) / 8.0;
        if (allowNegative && r.nextInt(4) == 0) {
            amount = -amount;
        }
        return Duration.of(amount, u);
    }

    private double fraction() {
        return r.nextBoolean() ? r.nextInt(101) / 100.0 : r.nextDouble();
    }

    private BigDecimal money() {
        return BigDecimal.valueOf(r.nextInt(1_000_000), r.nextInt(3));
    }

    private <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    Plan plan() {
        Plan.Builder b = Plan.builder(text()).description(maybeText());
        b.start(r.nextInt(5) == 0 ? null : time());
        b.finish(r.nextBoolean() ? time() : null);
        b.scheduleFrom(r.nextBoolean() ? ScheduleFrom.START : ScheduleFrom.FINISH);
        b.statusDate(r.nextBoolean() ? time() : null);
        b.timeZone(r.nextBoolean() ? ZoneId.of(pick(List.of("Europe/Berlin", "UTC", "America/New_York", "Asia/Tokyo"))) : null);
        b.currency(r.nextBoolean() ? pick(List.of("EUR", "USD", "GBP", "JPY")) : null);
        b.workTime(r.nextBoolean() ? WorkTime.STANDARD : new WorkTime(30 * (1 + r.nextInt(40)), 60 * (10 + r.nextInt(50)), 1 + r.nextInt(31)));
        b.defaultDistribution(r.nextBoolean() ? null : Distribution.values()[r.nextInt(2)]);
        b.charter(r.nextBoolean() ? Charter.EMPTY : new Charter(maybeText(), texts(), texts(), texts(), texts()));
        List<String> roles = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            roles.add(id("role"));
        }
        b.roles(roles);
        List<String> objectiveIds = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String oid = id("obj");
            objectiveIds.add(oid);
            List<Kpi> kpis = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                kpis.add(new Kpi(id("kpi"), r.nextBoolean() ? text() : null, maybeText(), r.nextBoolean() ? r.nextDouble() * 100 : null,
                        r.nextBoolean() ? (double) r.nextInt(100) : null, r.nextBoolean() ? LocalDate.of(2027, 1 + r.nextInt(12), 1) : null,
                        r.nextBoolean() ? -r.nextDouble() : null, measurements()));
            }
            b.objective(new Objective(oid, r.nextBoolean() ? text() : null, maybeText(), kpis));
        }
        List<String> calendarIds = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String cid = id("cal");
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (r.nextBoolean()) {
                    week.put(d, r.nextBoolean() ? List.of() : List.of(new TimeRange(r.nextInt(600), 600 + r.nextInt(840))));
                }
            }
            List<CalendarException> ex = new ArrayList<>();
            for (int e = r.nextInt(3); e > 0; e--) {
                LocalDate from = LocalDate.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28));
                ex.add(new CalendarException(maybeText(), from, from.plusDays(r.nextInt(3)),
                        r.nextBoolean() ? List.of() : List.of(new TimeRange(480, 720), new TimeRange(780, 1440))));
            }
            b.calendar(new WorkCalendar(cid, r.nextBoolean() ? text() : null, calendarIds.isEmpty() || r.nextBoolean() ? null : calendarIds.get(0), week, ex));
            calendarIds.add(cid);
        }
        b.calendarId(calendarIds.isEmpty() || r.nextBoolean() ? null : pick(calendarIds));
        List<String> resourceIds = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            String rid = id("res");
            resourceIds.add(rid);
            b.resource(Resource.builder(rid).name(r.nextBoolean() ? text() : null).type(ResourceType.values()[r.nextInt(3)])
                    .maxUnits(r.nextBoolean() ? 1.0 : fraction() * 5).standardRate(r.nextBoolean() ? new Rate(money(), RateUnit.values()[r.nextInt(7)]) : null)
                    .overtimeRate(r.nextBoolean() ? new Rate(money(), RateUnit.HOUR) : null).costPerUse(r.nextBoolean() ? money() : null)
                    .calendarId(calendarIds.isEmpty() || r.nextBoolean() ? null : pick(calendarIds)).materialLabel(maybeText())
                    .email(r.nextBoolean() ? "x@example.com" : null).group(maybeText()).build());
        }
        List<String> stakeholderIds = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            String sid = id("sh");
            stakeholderIds.add(sid);
            b.stakeholder(new Stakeholder(sid, r.nextBoolean() ? text() : null, maybeText(), maybeText(), level(), level(), engagement(),
                    engagement(), maybeText(), maybeText()));
        }
        List<String> parties = new ArrayList<>(roles);
        parties.addAll(resourceIds);
        parties.addAll(stakeholderIds);
        List<Task> tasks = new ArrayList<>();
        List<String> taskIds = new ArrayList<>();
        int count = r.nextInt(12);
        for (int i = 0; i < count; i++) {
            String tid = id("t");
            String parent = taskIds.isEmpty() || r.nextInt(3) > 0 ? null : pick(taskIds);
            Task.Builder t = Task.builder(tid).parentId(parent).name(r.nextBoolean() ? text() : null).notes(maybeText())
                    .milestone(r.nextInt(5) == 0).duration(r.nextInt(6) == 0 ? null : duration(false, false));
            if (r.nextBoolean()) {
                t.estimate(new Estimate(duration(false, false), duration(false, false), duration(false, false),
                        r.nextBoolean() ? null : Distribution.values()[r.nextInt(2)]));
            }
            for (int l = r.nextInt(3); l > 0 && !taskIds.isEmpty(); l--) {
                t.link(Link.of(pick(taskIds), LinkType.values()[r.nextInt(4)], r.nextBoolean() ? Duration.ZERO : duration(true, true)));
            }
            if (r.nextBoolean()) {
                ConstraintType ct = ConstraintType.values()[r.nextInt(ConstraintType.values().length)];
                t.constraint(Constraint.of(ct, ct.needsDate() ? time() : null));
            }
            t.deadline(r.nextBoolean() ? time() : null).calendarId(calendarIds.isEmpty() || r.nextBoolean() ? null : pick(calendarIds));
            List<Assignment> as = new ArrayList<>();
            for (String rid : resourceIds) {
                if (r.nextBoolean()) {
                    as.add(new Assignment(rid, r.nextBoolean() ? fraction() : r.nextInt(30), r.nextBoolean() ? null : duration(false, false)));
                }
            }
            t.assignments(as);
            List<String> serves = new ArrayList<>();
            for (String o : objectiveIds) {
                if (r.nextBoolean()) {
                    serves.add(o);
                }
            }
            t.objectiveIds(serves).raci(raci(parties));
            t.manual(r.nextInt(4) == 0).start(r.nextBoolean() ? time() : null).finish(r.nextBoolean() ? time() : null);
            t.percentComplete(r.nextBoolean() ? 0 : r.nextInt(1001) / 10.0).actualStart(r.nextBoolean() ? time() : null)
                    .actualFinish(r.nextBoolean() ? time() : null).priority(r.nextBoolean() ? 500 : r.nextInt(1001))
                    .fixedCost(r.nextBoolean() ? money() : null).type(io.planwright.core.model.TaskType.values()[r.nextInt(3)])
                    .splits(r.nextInt(4) == 0 ? List.of(new io.planwright.core.model.Split(duration(false, false), duration(false, false))) : List.of());
            if (r.nextInt(4) == 0) {
                Map<String, String> fields = new TreeMap<>();
                fields.put("Text1", text());
                fields.put("Number1", "42");
                t.fields(fields);
            }
            tasks.add(t.build());
            taskIds.add(tid);
        }
        b.tasks(wbsOrder(tasks));
        for (int i = r.nextInt(3); i > 0; i--) {
            b.deliverable(new Deliverable(id("del"), r.nextBoolean() ? text() : null, maybeText(), objectiveIds.isEmpty() ? List.of() : List.of(pick(objectiveIds)),
                    taskIds.isEmpty() ? List.of() : List.of(pick(taskIds)), r.nextBoolean() ? LocalDate.of(2026, 12, 1) : null, maybeText(), raci(parties),
                    r.nextInt(3) == 0 ? null : new io.planwright.core.model.Approval(parties.isEmpty() || r.nextBoolean() ? List.of() : List.of(pick(parties)))));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            Duration d = duration(false, false);
            b.risk(Risk.builder(id("risk")).title(r.nextBoolean() ? text() : null).description(maybeText()).cause(maybeText()).effect(maybeText())
                    .category(maybeText()).probability(fraction()).impact(level())
                    .scheduleImpact(r.nextBoolean() ? null : r.nextBoolean() ? Estimate.of(d, d, d)
                            : new Estimate(duration(false, false), d, duration(false, false), r.nextBoolean() ? null : Distribution.PERT))
                    .costImpact(r.nextBoolean() ? null : r.nextBoolean() ? CostEstimate.exactly(money()) : new CostEstimate(money(), money(), money()))
                    .owner(parties.isEmpty() || r.nextBoolean() ? null : pick(parties)).response(r.nextBoolean() ? null : RiskResponse.values()[r.nextInt(5)])
                    .mitigation(maybeText()).contingency(maybeText()).trigger(maybeText()).status(RiskStatus.values()[r.nextInt(3)])
                    .taskIds(taskIds.isEmpty() ? List.of() : List.of(pick(taskIds))).build());
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.communication(new CommunicationItem(id("com"), r.nextBoolean() ? text() : null, maybeText(), parties.isEmpty() ? List.of() : List.of(pick(parties)),
                    maybeText(), r.nextBoolean() ? null : Frequency.values()[r.nextInt(Frequency.values().length)],
                    parties.isEmpty() || r.nextBoolean() ? null : pick(parties), maybeText(), null, null, List.of(), r.nextBoolean() ? List.of() : List.of(text())));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            List<io.planwright.core.model.BaselineTask> bt = new ArrayList<>();
            for (String tid : taskIds) {
                if (r.nextBoolean()) {
                    bt.add(new io.planwright.core.model.BaselineTask(tid, r.nextBoolean() ? time() : null, r.nextBoolean() ? time() : null,
                            r.nextBoolean() ? duration(false, false) : null, r.nextBoolean() ? duration(false, false) : null,
                            r.nextBoolean() ? money() : null));
                }
            }
            b.baseline(new io.planwright.core.model.Baseline(id("bl"), r.nextBoolean() ? text() : null, r.nextBoolean() ? time() : null, bt));
        }
        return b.build();
    }

    /** Children follow their parent depth-first, as in a file. */
    private static List<Task> wbsOrder(List<Task> tasks) {
        List<Task> out = new ArrayList<>();
        addChildren(null, tasks, out);
        return out;
    }

    private static void addChildren(String parent, List<Task> tasks, List<Task> out) {
        for (Task t : tasks) {
            if (java.util.Objects.equals(t.parentId(), parent)) {
                out.add(t);
                addChildren(t.id(), tasks, out);
            }
        }
    }

    private List<String> texts() {
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            out.add(text());
        }
        return out;
    }

    private Level level() {
        return r.nextBoolean() ? null : Level.values()[r.nextInt(5)];
    }

    private Engagement engagement() {
        return r.nextBoolean() ? null : Engagement.values()[r.nextInt(5)];
    }

    private List<RaciEntry> raci(List<String> parties) {
        List<RaciEntry> out = new ArrayList<>();
        for (String p : parties) {
            if (r.nextBoolean()) {
                out.add(new RaciEntry(p, RaciRole.values()[r.nextInt(4)]));
            }
        }
        return out;
    }

    /** None, or a few measurements on distinct dates, some with a note. */
    private List<io.planwright.core.model.KpiMeasurement> measurements() {
        List<io.planwright.core.model.KpiMeasurement> out = new ArrayList<>();
        for (int m = r.nextInt(4) - 1, month = 1; m > 0; m--, month += 1 + r.nextInt(3)) {
            out.add(new io.planwright.core.model.KpiMeasurement(LocalDate.of(2026, month, 28), r.nextInt(2000) / 10.0, r.nextBoolean() ? text() : null));
        }
        return out;
    }
}
