package io.planwright.formats.exchange;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Rate;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import org.mpxj.CostRateTable;
import org.mpxj.CostRateTableEntry;
import org.mpxj.CustomField;
import org.mpxj.DayType;
import org.mpxj.FieldType;
import org.mpxj.LocalTimeRange;
import org.mpxj.Priority;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectCalendarHours;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceField;
import org.mpxj.TaskField;
import org.mpxj.TaskMode;
import org.mpxj.common.LocalDateTimeHelper;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds an MPXJ project from a plan and its schedule, for MPXJ's writers (MSPDI, Primavera XER and
 * P6 XML, MPX, Planner). Everything MS Project has a place for is carried: WBS, durations, links with
 * lags, constraints, deadlines, calendars with exceptions, resources with rates and calendars,
 * assignments, progress, baselines, notes, custom fields, task types; and the scheduled dates, so that
 * the file opens with Planwright's dates. Each task's Planwright id goes into a text field named
 * {@value MpxjImporter#ID_FIELD_ALIAS}, so that importing the file again gives the same ids. What has
 * no place in these formats (objectives, risks, stakeholders, RACI...) is reported as a loss.
 */
public final class MpxjExporter {

    private final Plan plan;
    private final PlanSchedule schedule;
    private final ProjectFile file = new ProjectFile();
    private final List<Loss> losses = new ArrayList<>();
    private final Map<String, ProjectCalendar> calendars = new HashMap<>();
    private final Map<String, org.mpxj.Resource> resources = new HashMap<>();
    private final Map<String, org.mpxj.Task> tasks = new HashMap<>();

    /** The project, and what could not be carried into it. */
    public record Result(ProjectFile project, List<Loss> losses) {
    }

    /** The tool the file is for: Primavera has no summary-level links, manual tasks or deadlines. */
    public enum Target { MS_PROJECT, PRIMAVERA }

    private final Target target;
    private final Wbs wbs;

    private MpxjExporter(Plan plan, PlanSchedule schedule, Target target) {
        this.plan = plan;
        this.schedule = schedule;
        this.target = target;
        this.wbs = Wbs.of(plan);
    }

    /** @param schedule the plan's schedule, whose dates are written; null writes the plan without dates */
    public static Result export(Plan plan, PlanSchedule schedule) {
        return export(plan, schedule, Target.MS_PROJECT);
    }

    public static Result export(Plan plan, PlanSchedule schedule, Target target) {
        MpxjExporter e = new MpxjExporter(plan, schedule, target);
        e.build();
        return new Result(e.file, List.copyOf(e.losses));
    }

    private void build() {
        file.getProjectConfig().setAutoTaskUniqueID(true);
        file.getProjectConfig().setAutoTaskID(true);
        file.getProjectConfig().setAutoResourceUniqueID(true);
        file.getProjectConfig().setAutoResourceID(true);
        file.getProjectConfig().setAutoCalendarUniqueID(true);
        file.getProjectConfig().setAutoAssignmentUniqueID(true);
        file.getProjectConfig().setAutoWBS(false); // the WBS codes are set per task below
        file.getProjectConfig().setAutoRelationUniqueID(true);
        properties();
        calendars();
        resources();
        tasksAndLinks();
        baselines();
        planOnlyParts();
    }

    /**
     * A finish the plan gave as a date alone (the end of that day) as MS Project keeps it: that day's last
     * working moment, 17:00 rather than 00:00 of the next day, which MS Project would show a day late.
     */
    private LocalDateTime finish(LocalDateTime moment, String calendarId) {
        if (moment == null || !io.planwright.core.calendar.Moments.isEndOfDay(moment)) {
            return moment;
        }
        String id = io.planwright.core.schedule.PlanCalendars.taskCalendarId(plan, calendarId);
        io.planwright.core.calendar.WorkingTime time = shownCalendars.computeIfAbsent(id,
                k -> io.planwright.core.schedule.PlanCalendars.calendar(plan, k));
        return io.planwright.core.calendar.Moments.shown(moment, io.planwright.core.calendar.Moments.Edge.FINISH, time);
    }

    private final Map<String, io.planwright.core.calendar.WorkingTime> shownCalendars = new HashMap<>();

    private void properties() {
        ProjectProperties p = file.getProjectProperties();
        p.setProjectTitle(plan.name());
        p.setName(plan.name());
        p.setComments(plan.description());
        p.setStartDate(plan.start() != null ? plan.start() : schedule != null ? schedule.start() : null);
        if (plan.scheduleFrom() == ScheduleFrom.FINISH) {
            p.setScheduleFrom(org.mpxj.ScheduleFrom.FINISH);
            p.setFinishDate(plan.finish());
        } else if (schedule != null) {
            p.setFinishDate(schedule.finish());
        }
        p.setStatusDate(finish(plan.statusDate(), null));
        p.setMoveRemainingStartsForward(plan.rescheduleRemaining());
        if (plan.currency() != null) {
            p.setCurrencyCode(plan.currency());
            // Primavera keeps a currency's symbol, not its code: the code as the symbol reads back unambiguously ($ does not)
            p.setCurrencySymbol(target == Target.PRIMAVERA ? plan.currency() : java.util.Currency.getInstance(plan.currency()).getSymbol(Locale.ROOT));
            if (target == Target.PRIMAVERA) {
                // the XER writer lists the file's currencies (US dollars when there are none)
                java.util.Currency c = java.util.Currency.getInstance(plan.currency());
                file.getCurrencies().add(new org.mpxj.Currency.Builder(file).currencyID(c.getCurrencyCode())
                        .name(c.getDisplayName(Locale.ENGLISH)).symbol(c.getCurrencyCode()).exchangeRate(1.0)
                        .numberOfDecimalPlaces(Math.max(0, c.getDefaultFractionDigits())).decimalSymbol(".").digitGroupingSymbol(",")
                        .positiveCurrencyFormat("#1.1").negativeCurrencyFormat("(#1.1)").build());
            }
        }
        p.setMinutesPerDay(plan.workTime().minutesPerDay());
        p.setMinutesPerWeek(plan.workTime().minutesPerWeek());
        p.setDaysPerMonth(plan.workTime().daysPerMonth());
        p.setDefaultStartTime(LocalTime.of(8, 0));
        p.setDefaultEndTime(LocalTime.of(17, 0));
    }

    // ------------------------------------------------------------------ calendars

    private void calendars() {
        List<WorkCalendar> all = new ArrayList<>(plan.calendars());
        if (all.stream().noneMatch(c -> c.id().equals(plan.effectiveCalendarId()))) {
            all.add(0, WorkCalendar.standard(plan.effectiveCalendarId()));
        }
        for (WorkCalendar c : all) {
            ProjectCalendar pc = file.addCalendar();
            pc.setName(c.name());
            if (target == Target.MS_PROJECT && c.name().length() > 51) {
                losses.add(new Loss(null, null, "MS Project keeps 51 characters of a calendar's name: '" + c.name() + "' becomes '"
                        + c.name().substring(0, 51) + "'"));
            }
            calendars.put(c.id(), pc);
        }
        for (WorkCalendar c : all) {
            ProjectCalendar pc = calendars.get(c.id());
            ProjectCalendar base = c.baseId() == null ? null : calendars.get(c.baseId());
            pc.setParent(base);
            for (DayOfWeek d : DayOfWeek.values()) {
                List<TimeRange> hours = c.week().get(d);
                if (hours == null) {
                    if (base != null) {
                        pc.setCalendarDayType(d, DayType.DEFAULT);
                        continue;
                    }
                    hours = d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? List.of() : WorkCalendar.STANDARD_DAY;
                }
                pc.setCalendarDayType(d, hours.isEmpty() ? DayType.NON_WORKING : DayType.WORKING);
                ProjectCalendarHours h = pc.addCalendarHours(d);
                for (TimeRange r : hours) {
                    h.add(range(r));
                }
            }
            for (CalendarException e : c.exceptions()) {
                ProjectCalendarException x = pc.addCalendarException(e.from(), e.to());
                x.setName(e.name());
                for (TimeRange r : e.hours()) {
                    x.add(range(r));
                }
            }
        }
        file.setDefaultCalendar(calendars.get(plan.effectiveCalendarId()));
    }

    private static LocalTimeRange range(TimeRange r) {
        return new LocalTimeRange(time(r.from()), time(r.to()));
    }

    private static LocalTime time(int minutes) {
        return minutes >= 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minutes / 60, minutes % 60);
    }

    // ------------------------------------------------------------------ resources

    private void resources() {
        if (!plan.resources().isEmpty()) {
            file.getCustomFields().getOrCreate(ResourceField.TEXT30).setAlias(MpxjImporter.ID_FIELD_ALIAS);
        }
        for (Resource r : plan.resources()) {
            org.mpxj.Resource x = file.addResource();
            x.setName(r.name());
            x.set(ResourceField.TEXT30, r.id());
            x.setType(switch (r.type()) {
                case MATERIAL -> org.mpxj.ResourceType.MATERIAL;
                case COST -> org.mpxj.ResourceType.COST;
                default -> org.mpxj.ResourceType.WORK;
            });
            if (r.type() == io.planwright.core.model.ResourceType.WORK) {
                x.set(ResourceField.MAX_UNITS, r.maxUnits() * 100);
                x.getAvailability().add(new org.mpxj.Availability(LocalDateTimeHelper.START_DATE_NA, LocalDateTimeHelper.END_DATE_NA,
                        r.maxUnits() * 100));
            }
            org.mpxj.Rate standard = rate(r.standardRate());
            org.mpxj.Rate overtime = rate(r.overtimeRate());
            if (standard != null || overtime != null || r.costPerUse() != null) {
                CostRateTable table = new CostRateTable();
                table.add(new CostRateTableEntry(LocalDateTimeHelper.START_DATE_NA, LocalDateTimeHelper.END_DATE_NA,
                        r.costPerUse() == null ? 0 : r.costPerUse(), standard == null ? new org.mpxj.Rate(0, org.mpxj.TimeUnit.HOURS) : standard,
                        overtime == null ? new org.mpxj.Rate(0, org.mpxj.TimeUnit.HOURS) : overtime));
                x.setCostRateTable(0, table);
            }
            if (r.calendarId() != null && calendars.containsKey(r.calendarId())) {
                x.setCalendar(calendars.get(r.calendarId()));
            }
            x.set(ResourceField.MATERIAL_LABEL, r.materialLabel());
            x.setEmailAddress(r.email());
            x.setGroup(r.group());
            resources.put(r.id(), x);
        }
    }

    private static org.mpxj.Rate rate(Rate rate) {
        if (rate == null) {
            return null;
        }
        org.mpxj.TimeUnit unit = switch (rate.per()) {
            case MINUTE -> org.mpxj.TimeUnit.MINUTES;
            case DAY -> org.mpxj.TimeUnit.DAYS;
            case WEEK -> org.mpxj.TimeUnit.WEEKS;
            case MONTH -> org.mpxj.TimeUnit.MONTHS;
            case YEAR -> org.mpxj.TimeUnit.YEARS;
            default -> org.mpxj.TimeUnit.HOURS;
        };
        return new org.mpxj.Rate(rate.amount(), unit);
    }

    // ------------------------------------------------------------------ tasks

    private void tasksAndLinks() {
        FieldType idField = freeTextField();
        Set<String> summaries = new HashSet<>();
        for (Task t : plan.tasks()) {
            if (t.parentId() != null) {
                summaries.add(t.parentId());
            }
        }
        Map<String, FieldType> customFields = customFieldTypes(idField);
        for (Task t : plan.tasks()) {
            org.mpxj.Task parent = t.parentId() == null ? null : tasks.get(t.parentId());
            org.mpxj.Task x = parent == null ? file.addTask() : parent.addTask();
            tasks.put(t.id(), x);
            boolean summary = summaries.contains(t.id());
            task(t, x, summary);
            x.set(idField, t.id());
            t.fields().forEach((key, value) -> {
                FieldType f = customFields.get(key);
                if (f == null) {
                    losses.add(new Loss(t.id(), t.name(), "the custom field '" + key + "' has no free field left in the file"));
                } else {
                    x.set(f, customValue(f, value));
                }
            });
        }
        for (Task t : plan.tasks()) {
            for (Link link : t.links()) {
                if (tasks.containsKey(link.predecessorId())) {
                    if (target == Target.PRIMAVERA) {
                        primaveraLink(t, link);
                    } else {
                        link(link.predecessorId(), t.id(), link);
                    }
                }
            }
        }
        file.getTasks().synchronizeTaskIDToHierarchy();
        file.updateStructure();
    }

    private void link(String predecessor, String successor, Link link) {
        org.mpxj.Task p = tasks.get(predecessor);
        org.mpxj.Task x = tasks.get(successor);
        for (Relation r : x.getPredecessors()) {
            if (r.getPredecessorTask() == p) {
                return; // already linked (links of summaries spread to their tasks can meet)
            }
        }
        x.addPredecessor(new Relation.Builder().predecessorTask(p).type(relationType(link.type())).lag(duration(link.lag())));
    }

    /**
     * Primavera's WBS elements have no relationships: a link to a summary task becomes a link to each
     * of its tasks (its predecessors hold them all back), a link from one a link from each of its tasks
     * (its successors wait for all of them). That is exact for finish-side links from a summary; a
     * start-side link from a summary follows its earliest task, which Primavera cannot say: every task
     * of the summary then holds the successor back, and the loss says so.
     */
    private void primaveraLink(Task t, Link link) {
        int s = wbs.indexOf(t.id());
        int p = wbs.indexOf(link.predecessorId());
        List<String> successors = leaves(s);
        List<String> predecessors = leaves(p);
        if (wbs.isSummary(p) && (link.type() == io.planwright.core.model.LinkType.SS || link.type() == io.planwright.core.model.LinkType.SF)) {
            losses.add(new Loss(t.id(), t.name(), "its " + link.type() + " link from summary task '" + link.predecessorId()
                    + "' becomes links from each of that summary's tasks (Primavera links activities only), which may start it later"));
        }
        Link inHours = primaveraLag(t, link, wbs.task(p));
        for (String a : predecessors) {
            for (String b : successors) {
                if (!a.equals(b)) {
                    link(a, b, inHours);
                }
            }
        }
    }

    /**
     * Primavera's lags are working hours: a percentage lag becomes its share of the predecessor's
     * duration (exact), an elapsed lag the whole working days it spans on average (approximate, and
     * reported).
     */
    private Link primaveraLag(Task t, Link link, Task predecessor) {
        Duration lag = link.lag();
        if (lag == null || lag.isZero()) {
            return link;
        }
        io.planwright.core.model.WorkTime wt = plan.workTime();
        if (lag.isPercent()) {
            Duration d = predecessor.duration() == null || predecessor.duration().isPercent() ? Duration.ZERO : predecessor.duration();
            double hours = d.minutes(wt) * lag.amount() / 100 / 60.0;
            return Link.of(link.predecessorId(), link.type(), Duration.hours(Math.round(hours * 100) / 100.0));
        }
        if (lag.isElapsed()) {
            Duration working = workingLag(t, link, lag);
            losses.add(new Loss(t.id(), t.name(), "its elapsed lag " + lag + " after '" + link.predecessorId() + "' becomes " + working
                    + " of working time, what it spans in the current schedule (Primavera counts lags in working hours)"));
            return Link.of(link.predecessorId(), link.type(), working);
        }
        return link;
    }

    /**
     * The working time an elapsed lag spans where the schedule puts it, on the successor's calendar
     * (on which lags count): the same dates in Primavera today. Without a schedule, whole working days
     * in proportion (seven elapsed days are one working week).
     */
    private Duration workingLag(Task t, Link link, Duration lag) {
        io.planwright.core.model.WorkTime wt = plan.workTime();
        ScheduledTask p = schedule == null ? null : schedule.task(link.predecessorId()).orElse(null);
        if (p != null) {
            boolean fromFinish = link.type() == io.planwright.core.model.LinkType.FS || link.type() == io.planwright.core.model.LinkType.FF;
            LocalDateTime base = fromFinish ? p.finish() : p.start();
            if (base != null) {
                Map<String, WorkCalendar> byId = new HashMap<>();
                plan.calendars().forEach(c -> byId.put(c.id(), c));
                String calendarId = t.calendarId() != null ? t.calendarId() : plan.effectiveCalendarId();
                WorkCalendar calendar = byId.getOrDefault(calendarId, WorkCalendar.standard(calendarId));
                io.planwright.core.calendar.WorkingTime time = io.planwright.core.calendar.WorkingTime.compile(calendar, byId, base.toLocalDate());
                long from = io.planwright.core.calendar.WorkingTime.minutes(base);
                long minutes = lag.isNegative() ? -time.workBetween(from + lag.minutes(wt), from) : time.workBetween(from, from + lag.minutes(wt));
                return Duration.hours(Math.round(minutes / 60.0 * 100) / 100.0);
            }
        }
        double workingDays = lag.minutes(wt) / 1440.0 * (wt.minutesPerWeek() / (double) wt.minutesPerDay()) / 7.0;
        return Duration.days(Math.round(workingDays));
    }

    /** The task itself, or for a summary task every task under it that is not a summary. */
    private List<String> leaves(int index) {
        List<String> out = new ArrayList<>();
        if (!wbs.isSummary(index)) {
            out.add(wbs.task(index).id());
            return out;
        }
        for (int c : wbs.children(index)) {
            out.addAll(leaves(c));
        }
        return out;
    }

    private void task(Task t, org.mpxj.Task x, boolean summary) {
        x.setName(t.name());
        x.setNotes(t.notes());
        x.setMilestone(t.milestone());
        if (!summary) {
            Duration d = t.duration() != null ? t.duration() : Duration.ZERO;
            x.setDuration(duration(t.milestone() && t.duration() == null ? Duration.ZERO : d));
        }
        Constraint c = t.constraint();
        if (c != null) {
            x.setConstraintType(switch (c.type()) {
                case ASAP -> org.mpxj.ConstraintType.AS_SOON_AS_POSSIBLE;
                case ALAP -> org.mpxj.ConstraintType.AS_LATE_AS_POSSIBLE;
                case SNET -> org.mpxj.ConstraintType.START_NO_EARLIER_THAN;
                case SNLT -> org.mpxj.ConstraintType.START_NO_LATER_THAN;
                case FNET -> org.mpxj.ConstraintType.FINISH_NO_EARLIER_THAN;
                case FNLT -> org.mpxj.ConstraintType.FINISH_NO_LATER_THAN;
                case MSO -> org.mpxj.ConstraintType.MUST_START_ON;
                case MFO -> org.mpxj.ConstraintType.MUST_FINISH_ON;
            });
            x.setConstraintDate(c.type().constrainsStart() ? c.date() : finish(c.date(), t.calendarId()));
        } else {
            x.setConstraintType(plan.scheduleFrom() == ScheduleFrom.FINISH && !summary
                    ? org.mpxj.ConstraintType.AS_LATE_AS_POSSIBLE : org.mpxj.ConstraintType.AS_SOON_AS_POSSIBLE);
        }
        if (target == Target.PRIMAVERA && t.deadline() != null) {
            // Primavera's secondary constraint holds what MS Project calls a deadline
            x.setSecondaryConstraintType(org.mpxj.ConstraintType.FINISH_NO_LATER_THAN);
            x.setSecondaryConstraintDate(finish(t.deadline(), t.calendarId()));
        } else {
            x.setDeadline(finish(t.deadline(), t.calendarId()));
        }
        if (t.calendarId() != null) {
            x.setCalendar(calendars.get(t.calendarId()));
        }
        x.setTaskMode(t.manual() && !summary ? TaskMode.MANUALLY_SCHEDULED : TaskMode.AUTO_SCHEDULED);
        if (target == Target.PRIMAVERA && t.manual() && !summary && t.start() != null) {
            x.setTaskMode(TaskMode.AUTO_SCHEDULED);
            x.setConstraintType(org.mpxj.ConstraintType.MUST_START_ON);
            x.setConstraintDate(t.start());
            losses.add(new Loss(t.id(), t.name(), "Primavera has no manual scheduling: the task is pinned to its start with a 'mandatory start' constraint"));
        }
        x.setActivityID(t.id());
        if (summary) {
            x.setWBS(target == Target.PRIMAVERA ? t.id() : wbs.outlineNumber(wbs.indexOf(t.id())));
        } else {
            x.setWBS(wbs.outlineNumber(wbs.indexOf(t.id())));
        }
        x.setType(switch (t.type()) {
            case FIXED_WORK -> org.mpxj.TaskType.FIXED_WORK;
            case FIXED_DURATION -> org.mpxj.TaskType.FIXED_DURATION;
            default -> org.mpxj.TaskType.FIXED_UNITS;
        });
        x.setPercentageComplete(t.percentComplete());
        if (t.physicalPercentComplete() != null) {
            x.setPhysicalPercentComplete(t.physicalPercentComplete());
        }
        x.setEarnedValueMethod(t.earnedValueMethod() == io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE
                ? org.mpxj.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE : org.mpxj.EarnedValueMethod.PERCENT_COMPLETE);
        x.setActualStart(t.actualStart());
        x.setActualFinish(finish(t.actualFinish(), t.calendarId()));
        x.setPriority(Priority.getInstance(t.priority()));
        if (t.fixedCost() != null) {
            x.setFixedCost(t.fixedCost());
        }
        dates(t, x);
        if (!summary) {
            activity(t, x);
        }
        assignments(t, x, summary);
        if (!t.splits().isEmpty() && !summary) {
            if (target == Target.MS_PROJECT && splitWork(t, x)) {
                hasSplits = true;
            } else {
                losses.add(new Loss(t.id(), t.name(), "its splits are not written (" + (target == Target.PRIMAVERA
                        ? "Primavera has no split activities" : "they are written for tasks on the plan's calendar only") + "); the task keeps its full span"));
            }
        }
        if (t.estimate() != null) {
            losses.add(new Loss(t.id(), t.name(), "its three-point estimate is not written (no such field in the file format)"));
        }
    }

    /** What Primavera reads of an activity: its type, status, planned, actual and remaining duration. */
    private void activity(Task t, org.mpxj.Task x) {
        boolean milestone = t.duration() == null ? t.milestone() : t.duration().isZero(); // Primavera's milestones have no duration
        x.setActivityType(milestone ? org.mpxj.ActivityType.FINISH_MILESTONE : org.mpxj.ActivityType.TASK_DEPENDENT);
        x.setPercentCompleteType(org.mpxj.PercentCompleteType.DURATION);
        org.mpxj.Duration d = x.getDuration() == null ? org.mpxj.Duration.getInstance(0, org.mpxj.TimeUnit.DAYS) : x.getDuration();
        double done = t.actualFinish() != null ? 1 : t.actualStart() == null ? 0 : Math.max(0, Math.min(1, t.percentComplete() / 100));
        x.setPlannedDuration(d);
        x.setActualDuration(org.mpxj.Duration.getInstance(d.getDuration() * done, d.getUnits()));
        x.setRemainingDuration(t.remainingDuration() != null && done < 1 && !t.remainingDuration().isPercent()
                ? duration(t.remainingDuration()) : org.mpxj.Duration.getInstance(d.getDuration() * (1 - done), d.getUnits()));
        x.setActivityStatus(done >= 1 ? org.mpxj.ActivityStatus.COMPLETED : t.actualStart() != null ? org.mpxj.ActivityStatus.IN_PROGRESS
                : org.mpxj.ActivityStatus.NOT_STARTED);
        if (target == Target.PRIMAVERA && t.actualStart() != null && x.getStart() != null) {
            // the actual dates as scheduled: in working time, and a finished milestone finishes where it starts
            x.setActualStart(x.getStart());
            x.setActualFinish(done >= 1 ? x.getFinish() : null);
        }
        if (x.getStart() != null) {
            x.setPlannedStart(x.getStart());
            x.setPlannedFinish(x.getFinish());
            if (done < 1) {
                x.setRemainingEarlyStart(x.getEarlyStart());
                x.setRemainingEarlyFinish(x.getEarlyFinish());
            }
        }
    }

    /** True once a task's splits are written as timephased work: the writer must then write timephased data. */
    private boolean hasSplits;

    /** Whether the file carries split tasks as timephased work, which the MSPDI writer must then write. */
    public static boolean hasTimephasedSplits(ProjectFile file) {
        return file.getResourceAssignments().stream().anyMatch(a -> a.getTimephasedWork() != null && !a.getTimephasedWork().isEmpty());
    }

    /**
     * MS Project keeps a split task as timephased work with a pause of zero work: the parts of the task
     * on its calendar, as the schedule places them. A task without resources gets MS Project's
     * unassigned placeholder assignment to carry it.
     */
    private boolean splitWork(Task t, org.mpxj.Task x) {
        ScheduledTask s = schedule == null ? null : schedule.task(t.id()).orElse(null);
        if (s == null || s.start() == null || t.duration() == null || t.duration().isElapsed()) {
            return false;
        }
        Map<String, WorkCalendar> byId = new HashMap<>();
        plan.calendars().forEach(c -> byId.put(c.id(), c));
        // the calendar the task's work runs on: its own, else its first worker's (as the importer measures splits)
        String calendarId = t.calendarId();
        if (calendarId == null && t.type() != io.planwright.core.model.TaskType.FIXED_DURATION) {
            for (Assignment a : t.assignments()) {
                Resource r = plan.resources().stream().filter(x2 -> x2.id().equals(a.resourceId())).findFirst().orElse(null);
                if (r != null && r.type() == io.planwright.core.model.ResourceType.WORK && r.calendarId() != null) {
                    calendarId = r.calendarId();
                    break;
                }
            }
        }
        if (calendarId != null && !calendarId.equals(plan.effectiveCalendarId())) {
            // MS Project spreads timephased work over calendar days; on another calendar (a night shift,
            // around the clock) its reading of the pauses can differ from the plan's, so they are reported
            return false;
        }
        calendarId = plan.effectiveCalendarId();
        WorkCalendar calendar = byId.getOrDefault(calendarId, WorkCalendar.standard(calendarId));
        io.planwright.core.calendar.WorkingTime time = io.planwright.core.calendar.WorkingTime.compile(calendar, byId, s.start().toLocalDate());
        io.planwright.core.model.WorkTime wt = plan.workTime();
        long total = t.duration().minutes(wt);
        long perDay = wt.minutesPerDay();
        List<org.mpxj.TimephasedWork> work = new ArrayList<>();
        long at = time.ordinal(io.planwright.core.calendar.WorkingTime.minutes(s.start()));
        long done = 0;
        for (io.planwright.core.model.Split split : t.splits()) {
            long part = Math.min(total, split.after().minutes(wt)) - done;
            long pause = split.pause().minutes(wt);
            if (part <= 0 || pause <= 0) {
                continue;
            }
            work.add(timephased(time, at, at + part, part, perDay));
            work.add(timephased(time, at + part, at + part + pause, 0, perDay));
            at += part + pause;
            done += part;
        }
        if (total - done > 0) {
            work.add(timephased(time, at, at + total - done, total - done, perDay));
        }
        List<ResourceAssignment> existing = x.getResourceAssignments();
        ResourceAssignment carrier;
        if (existing.isEmpty()) {
            carrier = new ResourceAssignment(file, x);
            carrier.setTaskUniqueID(x.getUniqueID()); // the writer tells assignments apart by task and resource
            carrier.setResourceUniqueID(org.mpxj.common.MicrosoftProjectConstants.ASSIGNMENT_NULL_RESOURCE_ID);
            x.addResourceAssignment(carrier);
            carrier.setUnits(100);
            carrier.setWork(org.mpxj.Duration.getInstance(total / 60.0, org.mpxj.TimeUnit.HOURS));
            carrier.setStart(x.getStart());
            carrier.setFinish(x.getFinish());
        } else {
            carrier = existing.get(0);
        }
        carrier.setTimephasedWork(work);
        return true;
    }

    private static org.mpxj.TimephasedWork timephased(io.planwright.core.calendar.WorkingTime time, long fromOrdinal, long toOrdinal, long minutes,
                                                      long perDay) {
        org.mpxj.TimephasedWork w = new org.mpxj.TimephasedWork();
        w.setStart(io.planwright.core.calendar.WorkingTime.dateTime(time.startOf(fromOrdinal)));
        w.setFinish(io.planwright.core.calendar.WorkingTime.dateTime(minutes == 0 ? time.startOf(toOrdinal) : time.finishOf(toOrdinal)));
        w.setTotalAmount(org.mpxj.Duration.getInstance(minutes / 60.0, org.mpxj.TimeUnit.HOURS));
        // the work of a full working day within this part (none in a pause)
        w.setAmountPerDay(org.mpxj.Duration.getInstance(minutes == 0 ? 0 : perDay / 60.0, org.mpxj.TimeUnit.HOURS));
        return w;
    }

    private void assignments(Task t, org.mpxj.Task x, boolean summary) {
        for (Assignment a : t.assignments()) {
            org.mpxj.Resource r = resources.get(a.resourceId());
            if (r == null) {
                continue;
            }
            ResourceAssignment ra = x.addResourceAssignment(r);
            boolean work = r.getType() == org.mpxj.ResourceType.WORK;
            ra.setUnits(work ? a.units() * 100 : a.units());
            if (a.work() != null) {
                ra.setWork(duration(a.work()));
            } else if (work && !summary && t.duration() != null && !t.duration().isPercent()) {
                // the work the duration and units imply, as MS Project would compute it
                double hours = t.duration().minutes(plan.workTime()) * a.units() / 60.0;
                ra.setWork(org.mpxj.Duration.getInstance(Math.round(hours * 1e4) / 1e4, org.mpxj.TimeUnit.HOURS));
            }
            ra.setStart(x.getStart());
            ra.setFinish(x.getFinish());
            if (a.actualWork() != null) {
                ra.setActualWork(duration(a.actualWork()));
            }
            if (a.remainingWork() != null) {
                ra.setRemainingWork(duration(a.remainingWork()));
            }
            if (a.actualCost() != null) {
                ra.setActualCost(a.actualCost());
            }
        }
    }

    private void dates(Task t, org.mpxj.Task x) {
        ScheduledTask s = schedule == null ? null : schedule.task(t.id()).orElse(null);
        if (s == null) {
            x.setStart(t.start() != null ? t.start() : t.actualStart());
            x.setFinish(t.finish() != null ? t.finish() : t.actualFinish());
            return;
        }
        x.setStart(s.start());
        x.setFinish(s.finish());
        x.setEarlyStart(s.earlyStart());
        x.setEarlyFinish(s.earlyFinish());
        x.setLateStart(s.lateStart());
        x.setLateFinish(s.lateFinish());
        x.setTotalSlack(org.mpxj.Duration.getInstance(s.totalFloatMinutes() / 60.0 / (plan.workTime().minutesPerDay() / 60.0), org.mpxj.TimeUnit.DAYS));
        x.setFreeSlack(org.mpxj.Duration.getInstance(s.freeFloatMinutes() / (double) plan.workTime().minutesPerDay(), org.mpxj.TimeUnit.DAYS));
        x.setCritical(s.critical());
    }

    /** A text field for the Planwright id: Text30 down to Text1, the first the plan's custom fields leave free. */
    private FieldType freeTextField() {
        Set<String> used = new HashSet<>();
        plan.tasks().forEach(t -> used.addAll(t.fields().keySet()));
        for (int i = 30; i >= 1; i--) {
            TaskField f = TaskField.valueOf("TEXT" + i);
            if (!used.contains(MpxjImporter.fieldName(f))) {
                file.getCustomFields().getOrCreate(f).setAlias(MpxjImporter.ID_FIELD_ALIAS);
                return f;
            }
        }
        // every text field is in use: the ids go into Text30, its value is reported as a loss
        TaskField f = TaskField.TEXT30;
        file.getCustomFields().getOrCreate(f).setAlias(MpxjImporter.ID_FIELD_ALIAS);
        losses.add(new Loss(null, null, "all 30 text fields hold custom values; Text30 holds the Planwright ids instead"));
        return f;
    }

    /**
     * Custom fields by name: MS Project's own names (Text3, Number1, Flag2...) go back where they came
     * from; other names are aliases of the next free text field.
     */
    private Map<String, FieldType> customFieldTypes(FieldType idField) {
        Map<String, FieldType> out = new HashMap<>();
        Set<FieldType> taken = new HashSet<>();
        taken.add(idField);
        List<String> aliases = new ArrayList<>();
        for (Task t : plan.tasks()) {
            for (String key : t.fields().keySet()) {
                if (out.containsKey(key) || aliases.contains(key)) {
                    continue;
                }
                TaskField native_ = nativeField(key);
                if (native_ != null && !taken.contains(native_)) {
                    out.put(key, native_);
                    taken.add(native_);
                } else {
                    aliases.add(key);
                }
            }
        }
        int next = 1;
        for (String alias : aliases) {
            while (next <= 30 && taken.contains(TaskField.valueOf("TEXT" + next))) {
                next++;
            }
            if (next > 30) {
                break;
            }
            TaskField f = TaskField.valueOf("TEXT" + next);
            taken.add(f);
            CustomField cf = file.getCustomFields().getOrCreate(f);
            cf.setAlias(alias);
            out.put(alias, f);
        }
        return out;
    }

    /** {@code Text3} → TEXT3, {@code OutlineCode2} → OUTLINE_CODE2; null for names that are not MS Project's. */
    private static TaskField nativeField(String name) {
        String upper = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            TaskField f = TaskField.valueOf(upper);
            return MpxjImporter.fieldName(f).equals(name) && upper.matches("(TEXT|NUMBER|FLAG|DATE|COST|DURATION|START|FINISH|OUTLINE_CODE)\\d+") ? f : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Object customValue(FieldType f, String value) {
        String name = f.name();
        try {
            if (name.startsWith("NUMBER") || name.startsWith("COST")) {
                return Double.parseDouble(value);
            }
            if (name.startsWith("FLAG")) {
                return Boolean.parseBoolean(value);
            }
            if (name.startsWith("DATE") || name.startsWith("START") || name.startsWith("FINISH")) {
                return LocalDateTime.parse(value);
            }
            if (name.startsWith("DURATION")) {
                return Duration.parse(value).map(MpxjExporter::duration).orElse(null);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return value;
    }

    // ------------------------------------------------------------------ baselines and the rest

    private void baselines() {
        for (Baseline b : plan.baselines()) {
            int index = baselineIndex(b.id());
            if (index < 0) {
                losses.add(new Loss(null, null, "baseline '" + b.id() + "' is not written: the file has room for Baseline and Baseline1 to Baseline10"));
                continue;
            }
            if (index == 0) {
                file.getProjectProperties().setBaselineDate(b.savedAt());
            } else {
                file.getProjectProperties().setBaselineDate(index, b.savedAt());
            }
            for (BaselineTask bt : b.tasks()) {
                org.mpxj.Task x = tasks.get(bt.taskId());
                if (x == null) {
                    continue;
                }
                org.mpxj.Duration duration = bt.duration() == null ? null : duration(bt.duration());
                org.mpxj.Duration work = bt.work() == null ? null : duration(bt.work());
                if (index == 0) {
                    x.setBaselineStart(bt.start());
                    x.setBaselineFinish(bt.finish());
                    x.setBaselineDuration(duration);
                    x.setBaselineWork(work);
                    x.setBaselineCost(bt.cost());
                } else {
                    x.setBaselineStart(index, bt.start());
                    x.setBaselineFinish(index, bt.finish());
                    x.setBaselineDuration(index, duration);
                    x.setBaselineWork(index, work);
                    x.setBaselineCost(index, bt.cost());
                }
            }
        }
    }

    /** {@code baseline} → 0, {@code baseline3} → 3; -1 for other names. */
    private static int baselineIndex(String id) {
        String s = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (s.equals("baseline") || s.equals("baseline0")) {
            return 0;
        }
        if (s.matches("baseline([1-9]|10)")) {
            return Integer.parseInt(s.substring("baseline".length()));
        }
        return -1;
    }

    private void planOnlyParts() {
        // facts of the plan that the exchange formats have no field for (MPXJ reads and writes none of them)
        List<String> facts = new ArrayList<>();
        if (plan.description() != null && !plan.description().isBlank()) {
            facts.add("description");
        }
        if (plan.timeZone() != null) {
            facts.add("time zone (" + plan.timeZone() + "; the dates are written as they are)");
        }
        if (target == Target.PRIMAVERA && plan.rescheduleRemaining()) {
            facts.add("reschedule remaining work after the status date (Primavera has no such option: it always schedules remaining work from the data date)");
        }
        if (target == Target.PRIMAVERA) {
            List<String> named = new ArrayList<>();
            for (io.planwright.core.model.WorkCalendar c : plan.calendars()) {
                for (CalendarException e : c.exceptions()) {
                    if (e.name() != null && !e.name().isBlank()) {
                        named.add(e.name());
                    }
                }
            }
            if (!named.isEmpty()) {
                facts.add("the names of " + named.size() + " calendar exception" + (named.size() == 1 ? "" : "s") + " ("
                        + String.join(", ", named.subList(0, Math.min(5, named.size()))) + (named.size() > 5 ? ", ..." : "")
                        + "; Primavera keeps the days, not their names)");
            }
        }
        if (!facts.isEmpty()) {
            losses.add(new Loss(null, null, "the plan's " + String.join(", ", facts) + ": no place for them in this file format"));
        }
        if (target == Target.PRIMAVERA && plan.scheduleFrom() == ScheduleFrom.FINISH) {
            losses.add(new Loss(null, null, "Primavera schedules forward from the project start: the plan's backward schedule (from "
                    + plan.finish() + ") is written with its tasks as late as possible, which can move tasks that have room before them"));
        }
        List<String> left = new ArrayList<>();
        count(left, plan.objectives().size(), "objective");
        count(left, plan.deliverables().size(), "deliverable");
        count(left, plan.risks().size(), "risk");
        count(left, plan.stakeholders().size(), "stakeholder");
        count(left, plan.communications().size(), "communication item");
        long raci = plan.tasks().stream().filter(t -> !t.raci().isEmpty()).count();
        count(left, (int) raci, "task RACI chart");
        if (!plan.charter().equals(io.planwright.core.model.Charter.EMPTY)) {
            left.add("the charter");
        }
        if (!left.isEmpty()) {
            losses.add(new Loss(null, null, String.join(", ", left) + ": no place for them in this file format (the Planwright plan file keeps them)"));
        }
    }

    private static void count(List<String> out, int n, String what) {
        if (n > 0) {
            out.add(n + " " + what + (n == 1 ? "" : "s"));
        }
    }

    // ------------------------------------------------------------------ units

    static org.mpxj.Duration duration(Duration d) {
        org.mpxj.TimeUnit unit = switch (d.unit()) {
            case MINUTES -> org.mpxj.TimeUnit.MINUTES;
            case HOURS -> org.mpxj.TimeUnit.HOURS;
            case DAYS -> org.mpxj.TimeUnit.DAYS;
            case WEEKS -> org.mpxj.TimeUnit.WEEKS;
            case MONTHS -> org.mpxj.TimeUnit.MONTHS;
            case ELAPSED_MINUTES -> org.mpxj.TimeUnit.ELAPSED_MINUTES;
            case ELAPSED_HOURS -> org.mpxj.TimeUnit.ELAPSED_HOURS;
            case ELAPSED_DAYS -> org.mpxj.TimeUnit.ELAPSED_DAYS;
            case ELAPSED_WEEKS -> org.mpxj.TimeUnit.ELAPSED_WEEKS;
            case ELAPSED_MONTHS -> org.mpxj.TimeUnit.ELAPSED_MONTHS;
            case PERCENT -> org.mpxj.TimeUnit.PERCENT;
        };
        return org.mpxj.Duration.getInstance(d.amount(), unit);
    }

    private static RelationType relationType(io.planwright.core.model.LinkType type) {
        return switch (type) {
            case SS -> RelationType.START_START;
            case FF -> RelationType.FINISH_FINISH;
            case SF -> RelationType.START_FINISH;
            default -> RelationType.FINISH_START;
        };
    }
}
