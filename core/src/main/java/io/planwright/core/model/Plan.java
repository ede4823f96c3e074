package io.planwright.core.model;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole implementation plan: what it is for (charter, objectives, deliverables), the work (tasks
 * in WBS order), its time (calendars), its means (resources), its risks, and its people (stakeholders,
 * communication plan, roles).
 *
 * @param start         when work may begin; for plans scheduled from the finish, the earliest start is computed
 * @param finish        the required finish date of a plan scheduled backward (retro-planning)
 * @param statusDate    the date progress was last reported up to
 * @param rescheduleRemaining MS Project's "move start of remaining parts before the status date forward to the
 *                      status date": the work left of a started task that is behind resumes at the status date
 * @param calendarId    the default calendar of tasks and resources
 * @param roles         named roles that RACI entries and the communication plan may refer to
 * @param baselines     saved copies of the plan's dates and costs, to measure progress against
 */
public record Plan(String name, String description, LocalDateTime start, LocalDateTime finish, ScheduleFrom scheduleFrom,
                   LocalDateTime statusDate, ZoneId timeZone, String currency, String calendarId, WorkTime workTime,
                   Distribution defaultDistribution, Charter charter, List<Objective> objectives,
                   List<Deliverable> deliverables, List<WorkCalendar> calendars, List<Resource> resources,
                   List<Task> tasks, List<Risk> risks, List<Stakeholder> stakeholders,
                   List<CommunicationItem> communications, List<String> roles, List<Baseline> baselines,
                   boolean rescheduleRemaining) {

    public static final String DEFAULT_CALENDAR_ID = "standard";

    public Plan {
        Objects.requireNonNull(name, "name");
        scheduleFrom = scheduleFrom == null ? ScheduleFrom.START : scheduleFrom;
        workTime = workTime == null ? WorkTime.STANDARD : workTime;
        charter = charter == null ? Charter.EMPTY : charter;
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        deliverables = deliverables == null ? List.of() : List.copyOf(deliverables);
        calendars = calendars == null ? List.of() : List.copyOf(calendars);
        resources = resources == null ? List.of() : List.copyOf(resources);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        risks = risks == null ? List.of() : List.copyOf(risks);
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
        communications = communications == null ? List.of() : List.copyOf(communications);
        roles = roles == null ? List.of() : List.copyOf(roles);
        baselines = baselines == null ? List.of() : List.copyOf(baselines);
    }

    /** The default calendar id: the one named, else the first calendar, else {@value #DEFAULT_CALENDAR_ID}. */
    public String effectiveCalendarId() {
        if (calendarId != null) {
            return calendarId;
        }
        return calendars.isEmpty() ? DEFAULT_CALENDAR_ID : calendars.get(0).id();
    }

    /** The task of that id: a search through the list, so not for a loop over the tasks (build a map there). */
    public Optional<Task> task(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public Optional<WorkCalendar> calendar(String id) {
        return calendars.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Resource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.description = description;
        b.start = start;
        b.finish = finish;
        b.scheduleFrom = scheduleFrom;
        b.statusDate = statusDate;
        b.rescheduleRemaining = rescheduleRemaining;
        b.timeZone = timeZone;
        b.currency = currency;
        b.calendarId = calendarId;
        b.workTime = workTime;
        b.defaultDistribution = defaultDistribution;
        b.charter = charter;
        b.objectives = new ArrayList<>(objectives);
        b.deliverables = new ArrayList<>(deliverables);
        b.calendars = new ArrayList<>(calendars);
        b.resources = new ArrayList<>(resources);
        b.tasks = new ArrayList<>(tasks);
        b.risks = new ArrayList<>(risks);
        b.stakeholders = new ArrayList<>(stakeholders);
        b.communications = new ArrayList<>(communications);
        b.roles = new ArrayList<>(roles);
        b.baselines = new ArrayList<>(baselines);
        return b;
    }

    public static final class Builder {
        private String name;
        private String description;
        private LocalDateTime start;
        private LocalDateTime finish;
        private ScheduleFrom scheduleFrom = ScheduleFrom.START;
        private LocalDateTime statusDate;
        private boolean rescheduleRemaining;
        private ZoneId timeZone;
        private String currency;
        private String calendarId;
        private WorkTime workTime = WorkTime.STANDARD;
        private Distribution defaultDistribution;
        private Charter charter = Charter.EMPTY;
        private List<Objective> objectives = new ArrayList<>();
        private List<Deliverable> deliverables = new ArrayList<>();
        private List<WorkCalendar> calendars = new ArrayList<>();
        private List<Resource> resources = new ArrayList<>();
        private List<Task> tasks = new ArrayList<>();
        private List<Risk> risks = new ArrayList<>();
        private List<Stakeholder> stakeholders = new ArrayList<>();
        private List<CommunicationItem> communications = new ArrayList<>();
        private List<String> roles = new ArrayList<>();
        private List<Baseline> baselines = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder start(LocalDateTime v) { this.start = v; return this; }
        public Builder finish(LocalDateTime v) { this.finish = v; return this; }
        public Builder scheduleFrom(ScheduleFrom v) { this.scheduleFrom = v; return this; }
        public Builder statusDate(LocalDateTime v) { this.statusDate = v; return this; }
        public Builder rescheduleRemaining(boolean v) { this.rescheduleRemaining = v; return this; }
        public Builder timeZone(ZoneId v) { this.timeZone = v; return this; }
        public Builder currency(String v) { this.currency = v; return this; }
        public Builder calendarId(String v) { this.calendarId = v; return this; }
        public Builder workTime(WorkTime v) { this.workTime = v; return this; }
        public Builder defaultDistribution(Distribution v) { this.defaultDistribution = v; return this; }
        public Builder charter(Charter v) { this.charter = v; return this; }
        public Builder objectives(List<Objective> v) { this.objectives = new ArrayList<>(v); return this; }
        public Builder objective(Objective v) { this.objectives.add(v); return this; }
        public Builder deliverables(List<Deliverable> v) { this.deliverables = new ArrayList<>(v); return this; }
        public Builder deliverable(Deliverable v) { this.deliverables.add(v); return this; }
        public Builder calendars(List<WorkCalendar> v) { this.calendars = new ArrayList<>(v); return this; }
        public Builder calendar(WorkCalendar v) { this.calendars.add(v); return this; }
        public Builder resources(List<Resource> v) { this.resources = new ArrayList<>(v); return this; }
        public Builder resource(Resource v) { this.resources.add(v); return this; }
        public Builder tasks(List<Task> v) { this.tasks = new ArrayList<>(v); return this; }
        public Builder task(Task v) { this.tasks.add(v); return this; }
        public Builder risks(List<Risk> v) { this.risks = new ArrayList<>(v); return this; }
        public Builder risk(Risk v) { this.risks.add(v); return this; }
        public Builder stakeholders(List<Stakeholder> v) { this.stakeholders = new ArrayList<>(v); return this; }
        public Builder stakeholder(Stakeholder v) { this.stakeholders.add(v); return this; }
        public Builder communications(List<CommunicationItem> v) { this.communications = new ArrayList<>(v); return this; }
        public Builder communication(CommunicationItem v) { this.communications.add(v); return this; }
        public Builder roles(List<String> v) { this.roles = new ArrayList<>(v); return this; }
        public Builder baselines(List<Baseline> v) { this.baselines = new ArrayList<>(v); return this; }
        public Builder baseline(Baseline v) { this.baselines.add(v); return this; }

        public Plan build() {
            return new Plan(name, description, start, finish, scheduleFrom, statusDate, timeZone, currency, calendarId, workTime,
                    defaultDistribution, charter, objectives, deliverables, calendars, resources, tasks, risks, stakeholders,
                    communications, roles, baselines, rescheduleRemaining);
        }
    }
}
