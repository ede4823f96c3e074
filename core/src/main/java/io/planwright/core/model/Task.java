package io.planwright.core.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One element of the work breakdown structure: a phase (a summary task, which has children), a task
 * or a milestone. Tasks are held by the plan in WBS order, each naming its parent.
 *
 * @param id             short, unique key (such as {@code design})
 * @param parentId       the summary task this task belongs to, or null at the top level
 * @param milestone      true for a milestone; a task with zero duration is shown as one too
 * @param duration       working or elapsed duration; null for summary tasks
 * @param estimate       optional three-point estimate
 * @param links          dependencies on predecessors
 * @param constraint     date constraint; null means as soon as possible
 * @param deadline       a target finish that does not move the task but shows negative float when missed
 * @param calendarId     the task's own calendar, or null for the plan's default
 * @param manual         manually scheduled: keeps {@code start} and {@code finish} as entered
 * @param priority       leveling priority, 0 to 1000, 500 by default
 * @param fields         custom fields carried over from other tools
 * @param type           fixed units (default), fixed work or fixed duration
 * @param splits         pauses in the task's work, as MS Project's split tasks
 * @param physicalPercentComplete the share of the deliverable done as the team judges it, 0 to 100, or null
 * @param remainingDuration the work left as reported, or null where it follows from the duration and the progress
 * @param earnedValueMethod which percentage earned value counts: percent complete (default) or physical percent complete
 * @param approval       the sign-off a milestone needs before it counts as accepted, or null for none
 */
public record Task(String id, String parentId, String name, String notes, boolean milestone, Duration duration,
                   Estimate estimate, List<Link> links, Constraint constraint, LocalDateTime deadline, String calendarId,
                   List<Assignment> assignments, List<String> objectiveIds, List<RaciEntry> raci, boolean manual,
                   LocalDateTime start, LocalDateTime finish, double percentComplete, LocalDateTime actualStart,
                   LocalDateTime actualFinish, int priority, BigDecimal fixedCost, Map<String, String> fields, TaskType type, List<Split> splits,
                   Double physicalPercentComplete, Duration remainingDuration, EarnedValueMethod earnedValueMethod, Approval approval) {

    public static final int DEFAULT_PRIORITY = 500;

    public Task {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        fixedCost = Money.normalize(fixedCost);
        links = links == null ? List.of() : List.copyOf(links);
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        objectiveIds = objectiveIds == null ? List.of() : List.copyOf(objectiveIds);
        raci = raci == null ? List.of() : List.copyOf(raci);
        fields = fields == null || fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(fields));
        type = type == null ? TaskType.FIXED_UNITS : type;
        splits = splits == null ? List.of() : List.copyOf(splits);
        earnedValueMethod = earnedValueMethod == null ? EarnedValueMethod.PERCENT_COMPLETE : earnedValueMethod;
    }

    /** The share of the task's work that counts as earned, 0 to 100: by its earning method; a task with an actual finish is done. */
    public double earnedPercent() {
        if (actualFinish != null) {
            return 100;
        }
        return earnedValueMethod == EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE && physicalPercentComplete != null ? physicalPercentComplete : percentComplete;
    }

    public ConstraintType constraintType() {
        return constraint == null ? ConstraintType.ASAP : constraint.type();
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.parentId = parentId;
        b.name = name;
        b.notes = notes;
        b.milestone = milestone;
        b.duration = duration;
        b.estimate = estimate;
        b.links = new ArrayList<>(links);
        b.constraint = constraint;
        b.deadline = deadline;
        b.calendarId = calendarId;
        b.assignments = new ArrayList<>(assignments);
        b.objectiveIds = new ArrayList<>(objectiveIds);
        b.raci = new ArrayList<>(raci);
        b.manual = manual;
        b.start = start;
        b.finish = finish;
        b.percentComplete = percentComplete;
        b.actualStart = actualStart;
        b.actualFinish = actualFinish;
        b.priority = priority;
        b.fixedCost = fixedCost;
        b.fields = new TreeMap<>(fields);
        b.type = type;
        b.splits = new ArrayList<>(splits);
        b.physicalPercentComplete = physicalPercentComplete;
        b.remainingDuration = remainingDuration;
        b.earnedValueMethod = earnedValueMethod;
        b.approval = approval;
        return b;
    }

    public static final class Builder {
        private String id;
        private String parentId;
        private String name;
        private String notes;
        private boolean milestone;
        private Duration duration;
        private Estimate estimate;
        private List<Link> links = new ArrayList<>();
        private Constraint constraint;
        private LocalDateTime deadline;
        private String calendarId;
        private List<Assignment> assignments = new ArrayList<>();
        private List<String> objectiveIds = new ArrayList<>();
        private List<RaciEntry> raci = new ArrayList<>();
        private boolean manual;
        private LocalDateTime start;
        private LocalDateTime finish;
        private double percentComplete;
        private LocalDateTime actualStart;
        private LocalDateTime actualFinish;
        private int priority = DEFAULT_PRIORITY;
        private BigDecimal fixedCost;
        private Map<String, String> fields = new TreeMap<>();
        private TaskType type = TaskType.FIXED_UNITS;
        private List<Split> splits = new ArrayList<>();
        private Double physicalPercentComplete;
        private Duration remainingDuration;
        private EarnedValueMethod earnedValueMethod = EarnedValueMethod.PERCENT_COMPLETE;
        private Approval approval;

        private Builder(String id) {
            this.id = id;
        }

        public Builder id(String v) { this.id = v; return this; }
        public Builder parentId(String v) { this.parentId = v; return this; }
        public Builder name(String v) { this.name = v; return this; }
        public Builder notes(String v) { this.notes = v; return this; }
        public Builder milestone(boolean v) { this.milestone = v; return this; }
        public Builder duration(Duration v) { this.duration = v; return this; }
        public Builder duration(String v) { this.duration = Duration.parse(v).orElseThrow(() -> new IllegalArgumentException("bad duration " + v)); return this; }
        public Builder estimate(Estimate v) { this.estimate = v; return this; }
        public Builder links(List<Link> v) { this.links = new ArrayList<>(v); return this; }
        public Builder link(Link v) { this.links.add(v); return this; }
        public Builder after(String... predecessorIds) {
            for (String p : predecessorIds) {
                links.add(Link.fs(p));
            }
            return this;
        }
        public Builder constraint(Constraint v) { this.constraint = v; return this; }
        public Builder deadline(LocalDateTime v) { this.deadline = v; return this; }
        public Builder calendarId(String v) { this.calendarId = v; return this; }
        public Builder assignments(List<Assignment> v) { this.assignments = new ArrayList<>(v); return this; }
        public Builder assignment(Assignment v) { this.assignments.add(v); return this; }
        public Builder objectiveIds(List<String> v) { this.objectiveIds = new ArrayList<>(v); return this; }
        public Builder raci(List<RaciEntry> v) { this.raci = new ArrayList<>(v); return this; }
        public Builder manual(boolean v) { this.manual = v; return this; }
        public Builder start(LocalDateTime v) { this.start = v; return this; }
        public Builder finish(LocalDateTime v) { this.finish = v; return this; }
        public Builder percentComplete(double v) { this.percentComplete = v; return this; }
        public Builder actualStart(LocalDateTime v) { this.actualStart = v; return this; }
        public Builder actualFinish(LocalDateTime v) { this.actualFinish = v; return this; }
        public Builder priority(int v) { this.priority = v; return this; }
        public Builder fixedCost(BigDecimal v) { this.fixedCost = v; return this; }
        public Builder fields(Map<String, String> v) { this.fields = new TreeMap<>(v); return this; }
        public Builder type(TaskType v) { this.type = v; return this; }
        public Builder splits(List<Split> v) { this.splits = new ArrayList<>(v); return this; }
        public Builder physicalPercentComplete(Double v) { this.physicalPercentComplete = v; return this; }
        public Builder remainingDuration(Duration v) { this.remainingDuration = v; return this; }
        public Builder earnedValueMethod(EarnedValueMethod v) { this.earnedValueMethod = v; return this; }
        public Builder approval(Approval v) { this.approval = v; return this; }

        public Task build() {
            return new Task(id, parentId, name, notes, milestone, duration, estimate, links, constraint, deadline, calendarId,
                    assignments, objectiveIds, raci, manual, start, finish, percentComplete, actualStart, actualFinish,
                    priority, fixedCost, fields, type, splits, physicalPercentComplete, remainingDuration, earnedValueMethod, approval);
        }
    }
}
