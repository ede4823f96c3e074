package io.planwright.formats.exchange;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.BaselineTask;
import io.planwright.core.model.CalendarException;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Rate;
import io.planwright.core.model.RateUnit;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.ScheduleFrom;
import io.planwright.core.model.Task;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.TimeUnit;
import io.planwright.core.model.WorkCalendar;
import io.planwright.core.model.WorkTime;
import org.mpxj.CustomField;
import org.mpxj.DayType;
import org.mpxj.FieldType;
import org.mpxj.LocalDateTimeRange;
import org.mpxj.LocalTimeRange;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectCalendarHours;
import org.mpxj.ProjectCalendarWeek;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Relation;
import org.mpxj.ResourceAssignment;
import org.mpxj.TaskField;
import org.mpxj.TaskMode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Maps a project read by MPXJ (MS Project, Primavera, Planner, GanttProject ...) to the Planwright
 * model: WBS, durations, links with lags, constraints, deadlines, calendars with exceptions, resources,
 * assignments, costs, baselines, progress, notes and custom fields. Whatever the model cannot carry is
 * reported as a {@link Loss}.
 */
public final class MpxjImporter {

    /** The alias of the custom text field in which Planwright keeps its ids when it writes MS Project files. */
    public static final String ID_FIELD_ALIAS = "Planwright ID";
    private static final Pattern CUSTOM = Pattern.compile("(TEXT|NUMBER|FLAG|DATE|COST|DURATION|START|FINISH|OUTLINE_CODE)\\d+");
    /** Alternative work weeks are expanded into exceptions for at most this many days. */
    private static final int MAX_WORK_WEEK_DAYS = 3 * 366;

    private final ProjectFile file;
    private final List<Loss> losses = new ArrayList<>();
    private final Map<ProjectCalendar, String> calendarIds = new IdentityHashMap<>();
    private final Map<Integer, String> resourceIds = new HashMap<>();
    private final Map<org.mpxj.Task, String> taskIds = new IdentityHashMap<>();
    private final Ids taskIdSet = new Ids();
    private FieldType idField;
    private ScheduleFrom scheduleFrom = ScheduleFrom.START;
    private WorkTime workTime = WorkTime.STANDARD;
    /** A Primavera project's root WBS element, left out; or null. */
    private org.mpxj.Task wrapper;

    private MpxjImporter(ProjectFile file) {
        this.file = file;
    }

    /** The plan, what could not be carried over, and how the file's tasks were named. */
    public record Result(Plan plan, List<Loss> losses, Map<org.mpxj.Task, String> taskIds) {
    }

    public static Result read(ProjectFile file, String fallbackName) {
        MpxjImporter importer = new MpxjImporter(file);
        Plan plan = importer.plan(fallbackName);
        return new Result(plan, List.copyOf(importer.losses), importer.taskIds);
    }

    private void loss(org.mpxj.Task t, String message) {
        losses.add(new Loss(t == null ? null : taskIds.get(t), t == null ? null : t.getName(), message));
    }

    private Plan plan(String fallbackName) {
        ProjectProperties props = file.getProjectProperties();
        // "Project1" is the title of a project nobody named; a name the file does carry is better
        String title = "Project1".equals(props.getProjectTitle()) && props.getName() != null && !props.getName().isBlank() ? null : props.getProjectTitle();
        String name = firstNonBlank(title, props.getName(), fallbackName);
        Plan.Builder b = Plan.builder(name);
        if (props.getScheduleFrom() == org.mpxj.ScheduleFrom.FINISH) {
            scheduleFrom = ScheduleFrom.FINISH;
            b.scheduleFrom(ScheduleFrom.FINISH);
        }
        b.start(props.getStartDate());
        if (scheduleFrom == ScheduleFrom.FINISH) {
            // a forward project's stored finish is what MS Project computed, not a target: a plan's finish would be one
            b.finish(props.getFinishDate());
        }
        b.statusDate(props.getStatusDate());
        b.rescheduleRemaining(props.getMoveRemainingStartsForward());
        if (props.getComments() != null && !props.getComments().isBlank()) {
            b.description(props.getComments().strip());
        }
        String currency = currency(file);
        if (currency != null) {
            b.currency(currency);
        }
        workTime = workTime(props);
        b.workTime(workTime);
        idField = file.getCustomFields() == null ? null : file.getCustomFields().getFieldTypeByAlias(org.mpxj.FieldTypeClass.TASK, ID_FIELD_ALIAS);

        Ids calendarIdSet = new Ids();
        List<WorkCalendar> calendars = new ArrayList<>();
        for (ProjectCalendar c : file.getCalendars()) {
            calendarIds.put(c, calendarIdSet.slug(c.getName(), "calendar-" + c.getUniqueID()));
        }
        for (ProjectCalendar c : file.getCalendars()) {
            calendars.add(calendar(c));
        }
        b.calendars(calendars);
        ProjectCalendar defaultCalendar = file.getDefaultCalendar();
        if (defaultCalendar != null && calendarIds.containsKey(defaultCalendar)) {
            b.calendarId(calendarIds.get(defaultCalendar));
        }
        b.resources(resources());
        List<Task> tasks = new ArrayList<>();
        for (org.mpxj.Task t : file.getTasks()) {
            nameTask(t);
        }
        for (org.mpxj.Task top : topLevel()) {
            task(top, null, tasks);
        }
        b.tasks(tasks);
        b.baselines(baselines(props));
        return b.build();
    }

    /**
     * The plan's top-level tasks. A Primavera file whose activities all sit under one WBS element coded
     * as the project itself (as written when the project has several top-level elements) gets that
     * wrapper removed.
     */
    private List<org.mpxj.Task> topLevel() {
        List<org.mpxj.Task> top = file.getChildTasks();
        String projectId = file.getProjectProperties().getProjectID();
        if (top.size() == 1 && top.get(0).hasChildTasks() && projectId != null && projectId.equals(top.get(0).getWBS())
                && projectId.equals(top.get(0).getActivityID())) {
            wrapper = top.get(0);
            return top.get(0).getChildTasks();
        }
        return top;
    }

    /**
     * The file's currency as an ISO 4217 code: MS Project keeps the code; Primavera only a symbol, which is the
     * code itself when Planwright wrote the file. A bare symbol such as $ names no one currency and is left out.
     */
    private static String currency(ProjectFile file) {
        ProjectProperties props = file.getProjectProperties();
        List<String> candidates = new ArrayList<>();
        candidates.add(props.getCurrencyCode());
        candidates.add(props.getCurrencySymbol());
        if (file.getCurrencies().size() == 1) {
            candidates.add(file.getCurrencies().get(0).getCurrencyID());
            candidates.add(file.getCurrencies().get(0).getSymbol());
        }
        for (String candidate : candidates) {
            if (candidate != null && candidate.strip().matches("[A-Z]{3}")) {
                try {
                    return java.util.Currency.getInstance(candidate.strip()).getCurrencyCode();
                } catch (IllegalArgumentException e) {
                    // not an ISO code: try the next
                }
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "Imported plan";
    }

    private WorkTime workTime(ProjectProperties props) {
        int perDay = props.getMinutesPerDay() == null ? 480 : props.getMinutesPerDay();
        int perWeek = props.getMinutesPerWeek() == null ? 2400 : props.getMinutesPerWeek();
        int perMonth = props.getDaysPerMonth() == null ? 20 : props.getDaysPerMonth();
        try {
            return new WorkTime(perDay, perWeek, perMonth);
        } catch (IllegalArgumentException e) {
            losses.add(new Loss(null, null, "the file's working time (" + perDay + " minutes a day, " + perWeek + " a week, " + perMonth
                    + " days a month) is not usable; 8 hours, 40 hours and 20 days are used"));
            return WorkTime.STANDARD;
        }
    }

    // ------------------------------------------------------------------ calendars

    private WorkCalendar calendar(ProjectCalendar c) {
        String id = calendarIds.get(c);
        ProjectCalendar parent = c.getParent();
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            DayType type = c.getCalendarDayType(d);
            if (type == DayType.WORKING) {
                week.put(d, ranges(c.getCalendarHours(d)));
            } else if (type == DayType.NON_WORKING) {
                week.put(d, List.of());
            } else if (parent == null) {
                week.put(d, d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? List.of() : WorkCalendar.STANDARD_DAY);
            }
        }
        List<CalendarException> exceptions = new ArrayList<>();
        for (ProjectCalendarException e : c.getCalendarExceptions()) {
            List<ProjectCalendarException> expanded = e.getRecurring() != null ? e.getExpandedExceptions() : List.of(e);
            for (ProjectCalendarException x : expanded) {
                if (x.getFromDate() == null) {
                    continue;
                }
                exceptions.add(new CalendarException(x.getName() != null ? x.getName() : e.getName(), x.getFromDate(),
                        x.getToDate() == null ? x.getFromDate() : x.getToDate(), x.getWorking() ? ranges(x) : List.of()));
            }
        }
        workWeeks(c, week, exceptions);
        return new WorkCalendar(id, c.getName() == null ? id : c.getName(), parent == null ? null : calendarIds.get(parent), week, exceptions);
    }

    /** Alternative work weeks (hours that differ for a date range) become exceptions, day by day. */
    private void workWeeks(ProjectCalendar c, Map<DayOfWeek, List<TimeRange>> week, List<CalendarException> exceptions) {
        for (ProjectCalendarWeek w : c.getWorkWeeks()) {
            if (w.getDateRange() == null || w.getDateRange().getStart() == null || w.getDateRange().getEnd() == null) {
                continue;
            }
            LocalDate from = w.getDateRange().getStart();
            LocalDate to = w.getDateRange().getEnd();
            if (from.plusDays(MAX_WORK_WEEK_DAYS).isBefore(to)) {
                losses.add(new Loss(null, null, "calendar '" + c.getName() + "': the work week " + from + " to " + to
                        + " is carried over for its first three years only"));
                to = from.plusDays(MAX_WORK_WEEK_DAYS);
            }
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                DayType type = w.getCalendarDayType(d.getDayOfWeek());
                if (type == null || type == DayType.DEFAULT) {
                    continue;
                }
                List<TimeRange> hours = type == DayType.WORKING ? ranges(w.getCalendarHours(d.getDayOfWeek())) : List.of();
                LocalDate day = d;
                boolean covered = exceptions.stream().anyMatch(e -> e.covers(day));
                if (!covered && !hours.equals(week.get(d.getDayOfWeek()))) {
                    exceptions.add(new CalendarException(w.getName(), d, d, hours));
                }
            }
        }
    }

    private static List<TimeRange> ranges(ProjectCalendarHours hours) {
        List<TimeRange> out = new ArrayList<>();
        if (hours == null) {
            return out;
        }
        for (LocalTimeRange r : hours) {
            if (r.getStart() == null || r.getEnd() == null) {
                continue;
            }
            int from = minutes(r.getStart());
            int to = r.getEnd().equals(LocalTime.MIDNIGHT) ? 1440 : minutes(r.getEnd());
            if (to > from) {
                out.add(new TimeRange(from, to));
            }
        }
        out.sort(null);
        return out;
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    // ------------------------------------------------------------------ resources

    private List<Resource> resources() {
        Ids ids = new Ids();
        FieldType resourceIdField = file.getCustomFields() == null ? null
                : file.getCustomFields().getFieldTypeByAlias(org.mpxj.FieldTypeClass.RESOURCE, ID_FIELD_ALIAS);
        List<Resource> out = new ArrayList<>();
        for (org.mpxj.Resource r : file.getResources()) {
            if (r.getUniqueID() == null || (r.getUniqueID() == 0 && (r.getName() == null || r.getName().isBlank()))) {
                continue; // MS Project's placeholder resource
            }
            Object own = resourceIdField == null ? null : r.get(resourceIdField);
            String id = own instanceof String s && ids.take(s) ? s : ids.unique("r" + r.getUniqueID());
            resourceIds.put(r.getUniqueID(), id);
            ResourceType type = r.getType() == org.mpxj.ResourceType.MATERIAL ? ResourceType.MATERIAL
                    : r.getType() == org.mpxj.ResourceType.COST ? ResourceType.COST : ResourceType.WORK;
            Resource.Builder b = Resource.builder(id).name(r.getName() == null || r.getName().isBlank() ? id : r.getName()).type(type);
            if (r.getMaxUnits() != null && type == ResourceType.WORK) {
                b.maxUnits(BigDecimal.valueOf(r.getMaxUnits().doubleValue()).movePointLeft(2).doubleValue());
            }
            b.standardRate(rate(r.getStandardRate(), type));
            b.overtimeRate(rate(r.getOvertimeRate(), type));
            if (r.getCostPerUse() != null && r.getCostPerUse().doubleValue() != 0) {
                b.costPerUse(BigDecimal.valueOf(r.getCostPerUse().doubleValue()));
            }
            if (r.getCalendar() != null && calendarIds.containsKey(r.getCalendar())) {
                b.calendarId(calendarIds.get(r.getCalendar()));
            }
            b.materialLabel(blankToNull(r.getMaterialLabel()));
            b.email(blankToNull(r.getEmailAddress()));
            b.group(blankToNull(r.getGroup()));
            out.add(b.build());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Rate rate(org.mpxj.Rate rate, ResourceType type) {
        if (rate == null || rate.getAmount() == 0) {
            return null;
        }
        RateUnit unit = type == ResourceType.MATERIAL ? RateUnit.UNIT : switch (rate.getUnits()) {
            case MINUTES -> RateUnit.MINUTE;
            case DAYS -> RateUnit.DAY;
            case WEEKS -> RateUnit.WEEK;
            case MONTHS -> RateUnit.MONTH;
            case YEARS -> RateUnit.YEAR;
            default -> RateUnit.HOUR;
        };
        return new Rate(BigDecimal.valueOf(rate.getAmount()), unit);
    }

    // ------------------------------------------------------------------ tasks

    private void nameTask(org.mpxj.Task t) {
        String id = null;
        if (idField != null && t.get(idField) instanceof String s && taskIdSet.take(s)) {
            id = s;
        }
        boolean wbsElement = t.hasChildTasks() && t.getWBS() != null && t.getWBS().equals(t.getActivityID());
        if (id == null && !wbsElement && t.getActivityID() != null && taskIdSet.take(t.getActivityID())) {
            id = t.getActivityID();
        }
        if (id == null && wbsElement) {
            // a Primavera WBS element: its code is its parent's code, a dot, and its own short name
            String code = t.getWBS();
            String parent = t.getParentTask() == null ? null : t.getParentTask().getWBS();
            String own = parent != null && code.startsWith(parent + ".") ? code.substring(parent.length() + 1) : code.substring(code.lastIndexOf('.') + 1);
            if (taskIdSet.take(own)) {
                id = own;
            }
        }
        if (id == null) {
            id = taskIdSet.unique("t" + (t.getUniqueID() == null ? taskIds.size() : t.getUniqueID()));
        }
        taskIds.put(t, id);
    }

    private boolean carried(org.mpxj.Task t) {
        if (t.getNull() || !t.getActive() || t.getExternalTask()) {
            return false;
        }
        for (org.mpxj.Task p = t.getParentTask(); p != null; p = p.getParentTask()) {
            if (p.getExternalProject() || !p.getActive()) {
                return false; // inside an inserted subproject, or under an inactive summary
            }
        }
        return true;
    }

    private void task(org.mpxj.Task t, String parentId, List<Task> out) {
        if (t.getNull()) {
            return; // a blank line in MS Project
        }
        if (t.getUniqueID() != null && t.getUniqueID() == 0 && t.getOutlineLevel() != null && t.getOutlineLevel() == 0) {
            for (org.mpxj.Task child : t.getChildTasks()) {
                task(child, parentId, out); // the project summary task: its children are the plan's top level
            }
            return;
        }
        if (leftOut(t)) {
            return;
        }
        String id = taskIds.get(t);
        boolean summary = t.hasChildTasks();
        if (t.getExternalProject()) {
            // an inserted subproject: one task of its duration stands for it, as MS Project schedules it
            loss(t, "inserted subproject" + (t.getSubprojectFile() == null ? "" : " " + t.getSubprojectFile())
                    + ": carried over as one task of its duration; its own tasks stay in its file");
            summary = false;
        }
        Task.Builder b = Task.builder(id).parentId(parentId).name(t.getName() == null || t.getName().isBlank() ? id : t.getName());
        b.notes(blankToNull(t.getNotes()));
        b.milestone(t.getMilestone());
        if (!summary) {
            Duration d = duration(t.getDuration());
            b.duration(d == null && t.getMilestone() ? Duration.ZERO : d);
        }
        links(t, b);
        b.constraint(constraint(t));
        b.deadline(minute(deadline(t)));
        b.calendarId(calendarId(t));
        b.assignments(assignments(t));
        progress(t, summary, b);
        if (t.getPriority() != null) {
            b.priority(Math.max(0, Math.min(1000, t.getPriority().getValue())));
        }
        if (t.getFixedCost() != null && t.getFixedCost().doubleValue() != 0) {
            b.fixedCost(BigDecimal.valueOf(t.getFixedCost().doubleValue()));
        }
        b.fields(customFields(t));
        if (!summary && t.getType() != null) {
            b.type(taskType(t.getType()));
        }
        if (!summary) {
            b.splits(splits(t));
        }
        lossesOf(t, summary);
        out.add(b.build());
        if (!t.getExternalProject()) {
            for (org.mpxj.Task child : t.getChildTasks()) {
                task(child, id, out);
            }
        }
    }

    /** An inactive task, or one of another project: left out, as a loss. */
    private boolean leftOut(org.mpxj.Task t) {
        if (!t.getActive()) {
            loss(t, "inactive in the source file: left out, with its links");
            return true;
        }
        if (t.getExternalTask()) {
            loss(t, "a task of another project (external task): left out");
            return true;
        }
        return false;
    }

    /** The task's own calendar; null for none, or for a Primavera activity on the project's calendar. */
    private String calendarId(org.mpxj.Task t) {
        boolean primavera = "Primavera".equals(file.getProjectProperties().getFileApplication());
        if (t.getCalendar() != null && calendarIds.containsKey(t.getCalendar())
                && !(primavera && t.getCalendar() == file.getDefaultCalendar())) { // every P6 activity names a calendar, usually the project's
            return calendarIds.get(t.getCalendar());
        }
        return null;
    }

    /** Manual dates, % complete and actual dates. */
    private void progress(org.mpxj.Task t, boolean summary, Task.Builder b) {
        if (t.getTaskMode() == TaskMode.MANUALLY_SCHEDULED && !summary) {
            b.manual(true).start(minute(t.getStart())).finish(minute(t.getFinish()));
        }
        if (t.getPercentageComplete() != null) {
            b.percentComplete(Math.max(0, Math.min(100, t.getPercentageComplete().doubleValue())));
        }
        b.actualStart(minute(t.getActualStart()));
        b.actualFinish(t.getActualStart() == null ? null : minute(t.getActualFinish()));
        if (summary) {
            return;
        }
        boolean physical = t.getEarnedValueMethod() == org.mpxj.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE;
        if (physical) {
            b.earnedValueMethod(io.planwright.core.model.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE);
        }
        Number ppc = t.getPhysicalPercentComplete();
        if (ppc != null && (ppc.doubleValue() > 0 || physical)) {
            b.physicalPercentComplete(Math.max(0, Math.min(100, ppc.doubleValue())));
        }
        // the remaining duration of work under way, where it says more than the duration and % complete do
        if (t.getActualStart() != null && t.getActualFinish() == null && t.getRemainingDuration() != null && t.getDuration() != null) {
            Duration remaining = duration(t.getRemainingDuration());
            Duration whole = duration(t.getDuration());
            double pct = t.getPercentageComplete() == null ? 0 : t.getPercentageComplete().doubleValue();
            if (remaining != null && whole != null && !remaining.isElapsed() && !whole.isElapsed()) {
                long implied = Math.round(whole.minutes(workTime) * (100 - pct) / 100.0);
                if (Math.abs(remaining.minutes(workTime) - implied) > 1) {
                    b.remainingDuration(remaining);
                }
            }
        }
    }

    /** A task's links from the tasks carried over; one from a task left out is a loss. */
    private void links(org.mpxj.Task t, Task.Builder b) {
        for (Relation r : t.getPredecessors()) {
            org.mpxj.Task p = r.getPredecessorTask();
            if (p == null || !taskIds.containsKey(p) || !carried(p)) {
                loss(t, "its link from " + (p == null ? "an unknown task" : "'" + p.getName() + "'") + " is left out with that task");
                continue;
            }
            Duration lag = r.getLag() == null ? Duration.ZERO : duration(r.getLag());
            b.link(Link.of(taskIds.get(p), linkType(r.getType()), lag == null ? Duration.ZERO : lag));
        }
    }

    /** MS Project's deadline, or else Primavera's secondary "finish no later than" constraint. */
    private static LocalDateTime deadline(org.mpxj.Task t) {
        LocalDateTime deadline = t.getDeadline();
        if (deadline == null && t.getSecondaryConstraintType() == org.mpxj.ConstraintType.FINISH_NO_LATER_THAN) {
            deadline = t.getSecondaryConstraintDate(); // Primavera's secondary constraint, as MS Project's deadline
        }
        return deadline;
    }

    /**
     * An assignment's progress, on a task that has started: the actual work and cost reported, and the work
     * left of work under way (MS Project stores them on every assignment; on work not started they say nothing).
     */
    private Assignment progress(org.mpxj.Task t, ResourceAssignment a, Assignment plain) {
        if (t.getActualStart() == null) {
            return plain;
        }
        Duration actual = a.getActualWork() == null || a.getActualWork().getDuration() <= 0 ? null : duration(a.getActualWork());
        Duration remaining = t.getActualFinish() != null || a.getRemainingWork() == null ? null : duration(a.getRemainingWork());
        BigDecimal cost = a.getActualCost() == null || a.getActualCost().doubleValue() <= 0 ? null : BigDecimal.valueOf(a.getActualCost().doubleValue());
        if (actual == null && remaining == null && cost == null) {
            return plain;
        }
        return new Assignment(plain.resourceId(), plain.units(), plain.work(), actual, remaining, cost);
    }

    /** A task's assignments of resources carried over (units as a fraction for work resources, work only where it is not duration times units). */
    private List<Assignment> assignments(org.mpxj.Task t) {
        List<Assignment> assignments = new ArrayList<>();
        for (ResourceAssignment a : t.getResourceAssignments()) {
            org.mpxj.Resource r = a.getResource();
            if (r == null || !resourceIds.containsKey(r.getUniqueID())) {
                continue;
            }
            String rid = resourceIds.get(r.getUniqueID());
            if (assignments.stream().anyMatch(x -> x.resourceId().equals(rid))) {
                loss(t, "resource '" + r.getName() + "' is assigned twice; the second assignment is left out");
                continue;
            }
            double units = a.getUnits() == null ? 100 : a.getUnits().doubleValue();
            double value = r.getType() == org.mpxj.ResourceType.WORK || r.getType() == null
                    ? BigDecimal.valueOf(units).movePointLeft(2).doubleValue() : units;
            if (!(value > 0)) {
                value = r.getType() == org.mpxj.ResourceType.COST && a.getCost() != null ? a.getCost().doubleValue() : 0;
            }
            if (!(value > 0)) {
                loss(t, "resource '" + r.getName() + "' is assigned with no units; left out");
                continue;
            }
            Duration work = r.getType() == org.mpxj.ResourceType.WORK ? duration(a.getWork()) : null;
            if (work != null && a.getWorkContour() != null && a.getWorkContour() != org.mpxj.WorkContour.FLAT) {
                // a contour spreads the work unevenly and stretches the assignment: the task keeps its duration
                loss(t, "the work contour '" + a.getWorkContour() + "' of resource '" + r.getName()
                        + "' is carried over as work spread evenly over the task's duration");
                work = null;
            }
            if (work != null && isDurationTimesUnits(t, work, value)) {
                work = null; // the plain case: the work follows from the task's duration and the units
            }
            assignments.add(progress(t, a, new Assignment(rid, value, work)));
        }
        return assignments;
    }

    private static io.planwright.core.model.TaskType taskType(org.mpxj.TaskType type) {
        return switch (type) {
            case FIXED_WORK -> io.planwright.core.model.TaskType.FIXED_WORK;
            case FIXED_DURATION -> io.planwright.core.model.TaskType.FIXED_DURATION;
            default -> io.planwright.core.model.TaskType.FIXED_UNITS;
        };
    }

    private void lossesOf(org.mpxj.Task t, boolean summary) {
        if (t.getLevelingDelay() != null && t.getLevelingDelay().getDuration() != 0) {
            loss(t, "a leveling delay of " + t.getLevelingDelay() + " is left out (Planwright levels resources itself)");
        }
        if (t.getRecurringTask() != null) {
            loss(t, "a recurring task: its occurrences are carried over as tasks, the recurrence pattern is not");
        }
        if (summary && t.getResourceAssignments().stream().anyMatch(a -> a.getResource() != null && resourceIds.containsKey(a.getResource().getUniqueID()))) {
            loss(t, "resources assigned to a summary task are not used for scheduling");
        }
        if (t.getTaskMode() == TaskMode.MANUALLY_SCHEDULED && summary) {
            loss(t, "a manually scheduled summary task: its dates now span its tasks");
        }
    }

    /**
     * MPXJ gives a split task's work and pauses as alternating ranges; each pause becomes a split,
     * measured in working time on the calendar the task's work runs on.
     */
    private List<io.planwright.core.model.Split> splits(org.mpxj.Task t) {
        List<LocalDateTimeRange> ranges = t.getSplits();
        if (ranges == null || ranges.size() < 3) {
            return List.of();
        }
        ProjectCalendar cal = t.getEffectiveCalendar();
        if (t.getCalendar() == null && t.getType() != org.mpxj.TaskType.FIXED_DURATION) {
            for (ResourceAssignment a : t.getResourceAssignments()) {
                if (a.getResource() != null && a.getResource().getCalendar() != null && a.getResource().getType() == org.mpxj.ResourceType.WORK) {
                    cal = a.getResource().getCalendar();
                    break;
                }
            }
        }
        if (cal == null) {
            cal = file.getDefaultCalendar();
        }
        List<io.planwright.core.model.Split> out = new ArrayList<>();
        double done = 0;
        // even ranges are work; a pause runs from the end of one work range to the start of the next
        for (int i = 0; i < ranges.size(); i += 2) {
            LocalDateTimeRange r = ranges.get(i);
            if (r.getStart() == null || r.getEnd() == null) {
                return List.of();
            }
            done += cal.getWork(r.getStart(), r.getEnd(), org.mpxj.TimeUnit.MINUTES).getDuration();
            if (i + 2 < ranges.size() && ranges.get(i + 2).getStart() != null) {
                double paused = cal.getWork(r.getEnd(), ranges.get(i + 2).getStart(), org.mpxj.TimeUnit.MINUTES).getDuration();
                if (paused > 0) {
                    out.add(new io.planwright.core.model.Split(minutesAsDuration(done), minutesAsDuration(paused)));
                }
            }
        }
        return out;
    }

    private static Duration minutesAsDuration(double minutes) {
        long m = Math.round(minutes);
        return m % 60 == 0 ? Duration.hours(m / 60.0) : Duration.of(m, TimeUnit.MINUTES);
    }

    private Constraint constraint(org.mpxj.Task t) {
        org.mpxj.ConstraintType c = t.getConstraintType();
        if (c == null) {
            return null;
        }
        ConstraintType type = switch (c) {
            case AS_SOON_AS_POSSIBLE -> ConstraintType.ASAP;
            case AS_LATE_AS_POSSIBLE -> ConstraintType.ALAP;
            case MUST_START_ON, START_ON -> ConstraintType.MSO;
            case MUST_FINISH_ON, FINISH_ON -> ConstraintType.MFO;
            case START_NO_EARLIER_THAN -> ConstraintType.SNET;
            case START_NO_LATER_THAN -> ConstraintType.SNLT;
            case FINISH_NO_EARLIER_THAN -> ConstraintType.FNET;
            case FINISH_NO_LATER_THAN -> ConstraintType.FNLT;
        };
        if (c == org.mpxj.ConstraintType.START_ON || c == org.mpxj.ConstraintType.FINISH_ON) {
            loss(t, "Primavera's '" + c + "' constraint is carried over as " + type.describe());
        }
        if (type.needsDate()) {
            if (t.getConstraintDate() == null) {
                loss(t, "its '" + type.describe() + "' constraint has no date and is left out");
                return null;
            }
            if (t.hasChildTasks() && type != ConstraintType.SNET && type != ConstraintType.FNLT) {
                loss(t, "its '" + type.describe() + "' constraint on a summary task is left out");
                return null;
            }
            return Constraint.of(type, minute(t.getConstraintDate()));
        }
        // the direction's default constraint is not written out
        if ((type == ConstraintType.ASAP && scheduleFrom == ScheduleFrom.START) || (type == ConstraintType.ALAP && scheduleFrom == ScheduleFrom.FINISH)) {
            return null;
        }
        if (t.hasChildTasks()) {
            return null;
        }
        return type == ConstraintType.ASAP ? Constraint.ASAP : Constraint.ALAP;
    }

    private static LinkType linkType(org.mpxj.RelationType type) {
        if (type == null) {
            return LinkType.FS;
        }
        return switch (type) {
            case START_START -> LinkType.SS;
            case FINISH_FINISH -> LinkType.FF;
            case START_FINISH -> LinkType.SF;
            default -> LinkType.FS;
        };
    }

    /** An MPXJ duration in Planwright's units; years become months. */
    static Duration duration(org.mpxj.Duration d) {
        if (d == null) {
            return null;
        }
        double v = d.getDuration();
        TimeUnit unit = switch (d.getUnits()) {
            case MINUTES -> TimeUnit.MINUTES;
            case HOURS -> TimeUnit.HOURS;
            case DAYS -> TimeUnit.DAYS;
            case WEEKS -> TimeUnit.WEEKS;
            case MONTHS -> TimeUnit.MONTHS;
            case YEARS -> {
                v *= 12;
                yield TimeUnit.MONTHS;
            }
            case ELAPSED_MINUTES -> TimeUnit.ELAPSED_MINUTES;
            case ELAPSED_HOURS -> TimeUnit.ELAPSED_HOURS;
            case ELAPSED_DAYS -> TimeUnit.ELAPSED_DAYS;
            case ELAPSED_WEEKS -> TimeUnit.ELAPSED_WEEKS;
            case ELAPSED_MONTHS -> TimeUnit.ELAPSED_MONTHS;
            case ELAPSED_YEARS -> {
                v *= 12;
                yield TimeUnit.ELAPSED_MONTHS;
            }
            case PERCENT, ELAPSED_PERCENT -> TimeUnit.PERCENT;
        };
        // tidy binary noise such as 0.30000000000000004 days
        double rounded = Math.round(v * 1e6) / 1e6;
        return Duration.of(rounded, unit);
    }

    /** MS Project's custom task fields (Text1-30, Number1-20, Flag1-20, ...). */
    private static final List<TaskField> CUSTOM_FIELDS = java.util.Arrays.stream(TaskField.values())
            .filter(f -> CUSTOM.matcher(f.name()).matches()).toList();

    /** The custom fields that hold a value on some task of this file, found once. */
    private List<TaskField> populatedCustomFields;

    private Map<String, String> customFields(org.mpxj.Task t) {
        if (populatedCustomFields == null) {
            java.util.Set<FieldType> populated = file.getTasks().getPopulatedFields();
            populatedCustomFields = CUSTOM_FIELDS.stream().filter(populated::contains).toList();
        }
        if (populatedCustomFields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        for (TaskField f : populatedCustomFields) {
            if (f == idField) {
                continue;
            }
            Object v = t.get(f);
            if (v == null || (v instanceof Boolean flag && !flag) || (v instanceof String s && s.isBlank())) {
                continue;
            }
            if ((v instanceof Number n && n.doubleValue() == 0 && !f.name().startsWith("TEXT")) || (v instanceof org.mpxj.Duration d && d.getDuration() == 0)) {
                continue; // MS Project's empty custom fields
            }
            CustomField custom = file.getCustomFields() == null ? null : file.getCustomFields().get(f);
            String key = custom != null && custom.getAlias() != null && !custom.getAlias().isBlank() ? custom.getAlias() : fieldName(f);
            out.put(key, value(v));
        }
        return out;
    }

    /** {@code TEXT1} → {@code Text1}, {@code OUTLINE_CODE2} → {@code OutlineCode2}. */
    static String fieldName(TaskField f) {
        StringBuilder b = new StringBuilder();
        for (String part : f.name().split("_")) {
            b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private boolean isDurationTimesUnits(org.mpxj.Task t, Duration work, double units) {
        Duration d = duration(t.getDuration());
        if (d == null || d.isPercent() || work.isElapsed() || work.isPercent()) {
            return false;
        }
        return Math.abs(work.minutes(workTime) - d.minutes(workTime) * units) < 1;
    }

    /** Planwright's resolution: MS Project stores seconds where a work contour spreads work unevenly. */
    private static LocalDateTime minute(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private static boolean isZero(org.mpxj.Duration d) {
        return d == null || d.getDuration() == 0;
    }

    private static String value(Object v) {
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (v instanceof org.mpxj.Duration d) {
            return String.valueOf(duration(d));
        }
        return String.valueOf(v);
    }

    // ------------------------------------------------------------------ baselines

    private List<Baseline> baselines(ProjectProperties props) {
        Map<Integer, List<BaselineTask>> byIndex = new LinkedHashMap<>();
        for (org.mpxj.Task t : file.getTasks()) {
            String id = taskIds.get(t);
            if (id == null || t == wrapper || !carried(t) || (t.getUniqueID() != null && t.getUniqueID() == 0 && t.getOutlineLevel() != null && t.getOutlineLevel() == 0)) {
                continue;
            }
            for (int i = 0; i <= 10; i++) {
                LocalDateTime start = i == 0 ? t.getBaselineStart() : t.getBaselineStart(i);
                LocalDateTime finish = i == 0 ? t.getBaselineFinish() : t.getBaselineFinish(i);
                org.mpxj.Duration duration = i == 0 ? t.getBaselineDuration() : t.getBaselineDuration(i);
                org.mpxj.Duration work = i == 0 ? t.getBaselineWork() : t.getBaselineWork(i);
                Number cost = i == 0 ? t.getBaselineCost() : t.getBaselineCost(i);
                if (start == null && finish == null && isZero(duration) && isZero(work) && (cost == null || cost.doubleValue() == 0)) {
                    continue; // MS Project's empty baseline fields
                }
                byIndex.computeIfAbsent(i, k -> new ArrayList<>()).add(new BaselineTask(id, minute(start), minute(finish), isZero(duration) ? null : duration(duration),
                        isZero(work) ? null : duration(work), cost == null || cost.doubleValue() == 0 ? null : BigDecimal.valueOf(cost.doubleValue())));
            }
        }
        List<Baseline> out = new ArrayList<>();
        byIndex.forEach((i, tasks) -> out.add(new Baseline(i == 0 ? "baseline" : "baseline" + i, i == 0 ? "Baseline" : "Baseline " + i,
                i == 0 ? props.getBaselineDate() : props.getBaselineDate(i), tasks)));
        return out;
    }
}
