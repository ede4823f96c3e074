package io.planwright.formats.exchange;

import org.mpxj.ConstraintType;
import org.mpxj.DayType;
import org.mpxj.Duration;
import org.mpxj.FieldType;
import org.mpxj.LocalTimeRange;
import org.mpxj.Priority;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectCalendarHours;
import org.mpxj.ProjectConfig;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Rate;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceField;
import org.mpxj.ResourceType;
import org.mpxj.ScheduleFrom;
import org.mpxj.Task;
import org.mpxj.TaskMode;
import org.mpxj.TaskType;
import org.mpxj.TimeUnit;
import org.mpxj.WorkContour;
import org.mpxj.common.FieldTypeHelper;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A streaming reader for MS Project XML (MSPDI) that builds the same MPXJ project as MPXJ's own
 * reader for the parts Planwright imports, several times faster: MPXJ's reader binds the whole file
 * through JAXB, which for a 10,000-task file costs seconds. Split tasks are found in the timephased
 * work as MPXJ finds them. Files with features this reader leaves to MPXJ (recurring tasks, inserted
 * subprojects, recurring calendar exceptions, work weeks) are declined, and the caller reads them with
 * MPXJ. A test checks that both readers give the same plan on every file this one accepts.
 */
final class MspdiFastReader {

    private static final String NS = "http://schemas.microsoft.com/project";

    /** An element and what is inside it. */
    static final class El {
        final String name;
        String text;
        List<El> children;

        El(String name) {
            this.name = name;
        }

        String get(String child) {
            if (children != null) {
                for (El c : children) {
                    if (c.name.equals(child)) {
                        return c.text;
                    }
                }
            }
            return null;
        }

        El child(String child) {
            if (children != null) {
                for (El c : children) {
                    if (c.name.equals(child)) {
                        return c;
                    }
                }
            }
            return null;
        }

        List<El> all(String child) {
            List<El> out = new ArrayList<>();
            if (children != null) {
                for (El c : children) {
                    if (c.name.equals(child)) {
                        out.add(c);
                    }
                }
            }
            return out;
        }
    }

    /** This reader leaves the file to MPXJ. */
    static final class Declined extends Exception {
        Declined(String why) {
            super(why, null, false, false);
        }
    }

    private final ProjectFile file = new ProjectFile();
    private final Map<Integer, ProjectCalendar> calendars = new HashMap<>();
    private final Map<Integer, Integer> baseOf = new HashMap<>();
    private final Map<Integer, Resource> resources = new HashMap<>();
    private final Map<Integer, Task> tasks = new HashMap<>();
    private final Map<Integer, FieldType> fields = new HashMap<>();
    private final Map<Task, String> ignoreResourceCalendar = new HashMap<>();
    private int minutesPerDay = 480;
    private int minutesPerWeek = 2400;
    private int daysPerMonth = 20;

    private MspdiFastReader() {
    }

    /** A StAX factory that reads no DTDs and no external entities. */
    static XMLInputFactory xmlInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The project, or null when the file is not MSPDI or has features left to MPXJ. */
    static ProjectFile read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return new MspdiFastReader().parse(in);
        } catch (Declined | IOException | XMLStreamException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return null; // MPXJ's reader takes over and says what is wrong, if anything
        }
    }

    private ProjectFile parse(InputStream in) throws XMLStreamException, Declined {
        XMLStreamReader x = xmlInput().createXMLStreamReader(in); // the encoding the file declares
        while (x.hasNext() && x.next() != XMLStreamConstants.START_ELEMENT) {
            // the root
        }
        if (!"Project".equals(x.getLocalName()) || !NS.equals(x.getNamespaceURI())) {
            throw new Declined("not MSPDI");
        }
        ProjectConfig config = file.getProjectConfig();
        config.setAutoTaskID(false);
        config.setAutoTaskUniqueID(false);
        config.setAutoResourceID(false);
        config.setAutoResourceUniqueID(false);
        config.setAutoOutlineLevel(false);
        config.setAutoOutlineNumber(false);
        config.setAutoWBS(false);
        config.setAutoCalendarUniqueID(false);
        config.setAutoAssignmentUniqueID(false);
        Map<String, String> props = new HashMap<>();
        List<El> taskEls = new ArrayList<>();
        List<El> assignmentEls = new ArrayList<>();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                break; // </Project>
            }
            if (ev != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = x.getLocalName();
            switch (name) {
                case "ExtendedAttributes" -> {
                    for (El a : items(x)) {
                        extendedAttribute(a);
                    }
                }
                case "Calendars" -> {
                    properties(props);
                    for (El c : items(x)) {
                        calendar(c);
                    }
                    for (Map.Entry<Integer, Integer> e : baseOf.entrySet()) {
                        ProjectCalendar base = calendars.get(e.getValue());
                        if (base != null) {
                            calendars.get(e.getKey()).setParent(base);
                        }
                    }
                }
                case "Tasks" -> taskEls = items(x);
                case "Resources" -> {
                    for (El r : items(x)) {
                        resource(r);
                    }
                }
                case "Assignments" -> assignmentEls = items(x);
                case "OutlineCodes", "WBSMasks", "Views", "Filters", "Groups", "Tables", "Maps", "Reports", "Drawings", "DataLinks",
                        "VBAProjects" -> skip(x);
                default -> {
                    String text = x.getElementText();
                    props.put(name, text);
                }
            }
        }
        properties(props); // for a file without calendars
        ProjectCalendar defaultCalendar = calendars.get(integer(props.get("CalendarUID")));
        file.setDefaultCalendar(defaultCalendar != null ? defaultCalendar : file.getCalendars().findOrCreateDefaultCalendar());
        tasks(taskEls);
        for (El a : assignmentEls) {
            assignment(a);
        }
        pruneAndNameCalendars();
        file.readComplete();
        return file;
    }

    /** The elements of a collection (the children of the element at the cursor), each read whole. */
    private static List<El> items(XMLStreamReader x) throws XMLStreamException {
        List<El> out = new ArrayList<>();
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                out.add(element(x));
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                return out;
            }
        }
        return out;
    }

    private static El element(XMLStreamReader x) throws XMLStreamException {
        El el = new El(x.getLocalName());
        StringBuilder text = null;
        while (x.hasNext()) {
            int ev = x.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (el.children == null) {
                    el.children = new ArrayList<>();
                }
                el.children.add(element(x));
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                if (text == null) {
                    text = new StringBuilder();
                }
                text.append(x.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (el.children == null && text != null) {
                    el.text = text.toString();
                }
                return el;
            }
        }
        return el;
    }

    private static void skip(XMLStreamReader x) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int ev = x.next();
            depth += ev == XMLStreamConstants.START_ELEMENT ? 1 : ev == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    // ------------------------------------------------------------------ the project

    private boolean propertiesRead;

    private void properties(Map<String, String> p) {
        ProjectProperties props = file.getProjectProperties();
        if (propertiesRead) {
            return;
        }
        propertiesRead = true;
        props.setName(p.get("Name"));
        props.setProjectTitle(p.get("Title"));
        props.setScheduleFrom("0".equals(p.get("ScheduleFromStart")) ? ScheduleFrom.FINISH : ScheduleFrom.START);
        props.setStartDate(dateTime(p.get("StartDate")));
        props.setFinishDate(dateTime(p.get("FinishDate")));
        props.setStatusDate(dateTime(p.get("StatusDate")));
        props.setMoveRemainingStartsForward("1".equals(p.get("MoveRemainingStartsForward")) || "true".equals(p.get("MoveRemainingStartsForward")));
        props.setCurrencyCode(p.get("CurrencyCode"));
        minutesPerDay = intOr(p.get("MinutesPerDay"), 480);
        minutesPerWeek = intOr(p.get("MinutesPerWeek"), 2400);
        daysPerMonth = intOr(p.get("DaysPerMonth"), 20);
        props.setMinutesPerDay(integer(p.get("MinutesPerDay")));
        props.setMinutesPerWeek(integer(p.get("MinutesPerWeek")));
        props.setDaysPerMonth(integer(p.get("DaysPerMonth")));
        if (props.getMinutesPerDay() == null) {
            props.setMinutesPerDay(480);
        }
        props.setFileApplication("Microsoft");
        props.setFileType("MSPDI");
    }

    private void extendedAttribute(El a) {
        Integer id = integer(a.get("FieldID"));
        if (id == null) {
            return;
        }
        FieldType type = FieldTypeHelper.getInstance(file, id);
        fields.put(id, type);
        String alias = a.get("Alias");
        if (alias != null && type != null) {
            file.getCustomFields().getOrCreate(type).setAlias(alias);
        }
    }

    // ------------------------------------------------------------------ calendars

    private void calendar(El c) throws Declined {
        if (c.child("WorkWeeks") != null) {
            throw new Declined("work weeks");
        }
        ProjectCalendar cal = file.addCalendar();
        Integer uid = integer(c.get("UID"));
        cal.setUniqueID(uid);
        cal.setName(c.get("Name"));
        Integer base = integer(c.get("BaseCalendarUID"));
        if (base != null) {
            baseOf.put(uid, base);
        }
        El exceptions = c.child("Exceptions");
        if (exceptions != null) {
            for (El e : exceptions.all("Exception")) {
                exception(cal, e);
            }
        }
        boolean exceptionsFromDays = cal.getCalendarExceptions().isEmpty();
        El days = c.child("WeekDays");
        if (days == null) {
            for (DayOfWeek d : DayOfWeek.values()) {
                cal.setCalendarDayType(d, DayType.DEFAULT);
            }
        } else {
            for (El d : days.all("WeekDay")) {
                int type = intOr(d.get("DayType"), -1);
                if (type == 0) {
                    if (exceptionsFromDays) {
                        El period = d.child("TimePeriod");
                        ProjectCalendarException ex = cal.addCalendarException(date(period.get("FromDate")), date(period.get("ToDate")));
                        times(ex, d.child("WorkingTimes"));
                    }
                } else if (type >= 1 && type <= 7) {
                    DayOfWeek day = DayOfWeek.of(type == 1 ? 7 : type - 1);
                    cal.setWorkingDay(day, "1".equals(d.get("DayWorking")));
                    times(cal.addCalendarHours(day), d.child("WorkingTimes"));
                }
            }
        }
        calendars.put(uid, cal);
    }

    private void exception(ProjectCalendar cal, El e) throws Declined {
        El period = e.child("TimePeriod");
        LocalDate from = period == null ? null : date(period.get("FromDate"));
        LocalDate to = period == null ? null : date(period.get("ToDate"));
        if (from == null && to == null) {
            return;
        }
        int type = intOr(e.get("Type"), 1);
        int every = intOr(e.get("Period"), 1);
        if (type != 1 || every != 1) {
            throw new Declined("a recurring calendar exception");
        }
        ProjectCalendarException ex = cal.addCalendarException(from, to);
        ex.setName(e.get("Name"));
        times(ex, e.child("WorkingTimes"));
    }

    private static void times(ProjectCalendarHours hours, El times) {
        if (times == null) {
            return;
        }
        for (El t : times.all("WorkingTime")) {
            LocalTime from = time(t.get("FromTime"));
            LocalTime to = time(t.get("ToTime"));
            if (from != null && to != null) {
                hours.add(new LocalTimeRange(from, to));
            }
        }
    }

    /** As MPXJ: derived calendars nothing uses are dropped; a resource's unnamed calendar takes its name. */
    private void pruneAndNameCalendars() {
        Map<Integer, List<Resource>> users = new HashMap<>();
        for (Resource r : file.getResources()) {
            if (r.getCalendarUniqueID() != null) {
                users.computeIfAbsent(r.getCalendarUniqueID(), k -> new ArrayList<>()).add(r);
            }
        }
        Set<Integer> referenced = new HashSet<>(users.keySet());
        referenced.add(file.getProjectProperties().getDefaultCalendarUniqueID());
        file.getCalendars().forEach(c -> {
            if (c.getParentUniqueID() != null) {
                referenced.add(c.getParentUniqueID());
            }
        });
        file.getTasks().forEach(t -> {
            if (t.getCalendarUniqueID() != null) {
                referenced.add(t.getCalendarUniqueID());
            }
        });
        file.getCalendars().removeIf(c -> c.isDerived() && !referenced.contains(c.getUniqueID()));
        for (Resource r : file.getResources()) {
            ProjectCalendar c = r.getCalendar();
            if (c != null && c.isDerived()) {
                c.setType(org.mpxj.CalendarType.RESOURCE);
                c.setPersonal(users.getOrDefault(c.getUniqueID(), List.of()).size() == 1);
            }
            if (c != null && (c.getName() == null || c.getName().isEmpty())) {
                c.setName(r.getName() == null || r.getName().isEmpty() ? "Unnamed Resource" : r.getName());
            }
        }
    }

    // ------------------------------------------------------------------ resources

    private void resource(El r) {
        Resource x = file.addResource();
        Integer uid = integer(r.get("UID"));
        x.setUniqueID(uid);
        x.setID(integer(r.get("ID")));
        x.setName(r.get("Name"));
        int type = intOr(r.get("Type"), 1);
        x.setType("1".equals(r.get("IsCostResource")) ? ResourceType.COST : type == 0 ? ResourceType.MATERIAL : ResourceType.WORK);
        x.set(ResourceField.MATERIAL_LABEL, r.get("MaterialLabel"));
        Double max = number(r.get("MaxUnits"));
        if (max != null) {
            x.set(ResourceField.MAX_UNITS, max * 100);
            x.getAvailability().add(new org.mpxj.Availability(org.mpxj.common.LocalDateTimeHelper.START_DATE_NA,
                    org.mpxj.common.LocalDateTimeHelper.END_DATE_NA, max * 100));
        }
        x.setEmailAddress(r.get("EmailAddress"));
        x.setGroup(r.get("Group"));
        Integer cal = integer(r.get("CalendarUID"));
        if (cal != null && calendars.containsKey(cal)) {
            x.setCalendar(calendars.get(cal));
        }
        Double standard = number(r.get("StandardRate"));
        Double overtime = number(r.get("OvertimeRate"));
        Double perUse = number(r.get("CostPerUse"));
        if (standard != null || overtime != null || perUse != null) {
            org.mpxj.CostRateTable table = new org.mpxj.CostRateTable();
            table.add(new org.mpxj.CostRateTableEntry(org.mpxj.common.LocalDateTimeHelper.START_DATE_NA,
                    org.mpxj.common.LocalDateTimeHelper.END_DATE_NA, perUse == null ? 0 : perUse / 100, // MSPDI keeps money in cents
                    rate(standard, r.get("StandardRateFormat")), rate(overtime, r.get("OvertimeRateFormat"))));
            x.setCostRateTable(0, table);
        }
        for (El a : r.all("ExtendedAttribute")) {
            FieldType f = fields.get(integer(a.get("FieldID")));
            if (f != null) {
                x.set(f, a.get("Value"));
            }
        }
        resources.put(uid, x);
    }

    /** MSPDI stores rates per hour; the format says how they are shown. */
    private Rate rate(Double perHour, String format) {
        double v = perHour == null ? 0 : perHour;
        int f = intOr(format, 2);
        return switch (f) {
            case 1 -> new Rate(cents(v / 60), TimeUnit.MINUTES);
            case 3 -> new Rate(cents(v * minutesPerDay / 60), TimeUnit.DAYS);
            case 4 -> new Rate(cents(v * minutesPerWeek / 60), TimeUnit.WEEKS);
            case 5 -> new Rate(cents(v * minutesPerDay * daysPerMonth / 60.0), TimeUnit.MONTHS);
            case 7 -> new Rate(cents(v * minutesPerWeek * 52 / 60.0), TimeUnit.YEARS);
            default -> new Rate(v, TimeUnit.HOURS);
        };
    }

    /** A converted rate to the cent, as MPXJ gives it. */
    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }

    // ------------------------------------------------------------------ tasks

    /** Tasks in file order; a task's parent is the last task one outline level up (level 0 is the project summary). */
    private void tasks(List<El> els) throws Declined {
        Map<Integer, Task> lastAtLevel = new HashMap<>();
        int lastLevel = 1;
        for (El t : els) {
            if ("1".equals(t.get("Recurring")) || "1".equals(t.get("IsSubproject")) || "1".equals(t.get("ExternalTask"))) {
                throw new Declined("recurring tasks, subprojects or external tasks");
            }
            if ("1".equals(t.get("IsNull"))) {
                // a blank row: a sibling of the row above, leaving the outline as it is
                Task parent = lastAtLevel.get(lastLevel - 1);
                task(parent == null ? file.addTask() : parent.addTask(), t);
                continue;
            }
            int level = intOr(t.get("OutlineLevel"), 1);
            Task parent = lastAtLevel.get(level - 1);
            for (int up = level - 2; parent == null && up >= 0 && level > lastLevel + 1; up--) {
                parent = lastAtLevel.get(up); // a level skipped, as MPXJ reads it: under the task above
            }
            Task x = parent == null ? file.addTask() : parent.addTask();
            task(x, t);
            lastAtLevel.put(level, x);
            lastAtLevel.keySet().removeIf(l -> l > level);
            lastLevel = level;
        }
        for (El t : els) {
            links(t);
        }
    }

    private void task(Task x, El t) {
        Integer uid = integer(t.get("UID"));
        x.setUniqueID(uid);
        x.setID(integer(t.get("ID")));
        x.setName(t.get("Name"));
        x.setOutlineLevel(integer(t.get("OutlineLevel")));
        x.setOutlineNumber(t.get("OutlineNumber"));
        x.setWBS(t.get("WBS"));
        x.setNull("1".equals(t.get("IsNull")));
        x.setActive(!"0".equals(t.get("Active")));
        x.setTaskMode("1".equals(t.get("Manual")) ? TaskMode.MANUALLY_SCHEDULED : TaskMode.AUTO_SCHEDULED);
        int type = intOr(t.get("Type"), 0);
        x.setType(type == 1 ? TaskType.FIXED_DURATION : type == 2 ? TaskType.FIXED_WORK : TaskType.FIXED_UNITS);
        x.setStart(dateTime(t.get("Start")));
        x.setFinish(dateTime(t.get("Finish")));
        x.setDuration(duration(t.get("Duration"), t.get("DurationFormat")));
        x.setMilestone("1".equals(t.get("Milestone")));
        Double pc = number(t.get("PercentComplete"));
        if (pc != null) {
            x.setPercentageComplete(pc);
        }
        x.setActualStart(dateTime(t.get("ActualStart")));
        x.setActualFinish(dateTime(t.get("ActualFinish")));
        Double ppc = number(t.get("PhysicalPercentComplete"));
        if (ppc != null) {
            x.setPhysicalPercentComplete(ppc);
        }
        x.setEarnedValueMethod("1".equals(t.get("EarnedValueMethod")) ? org.mpxj.EarnedValueMethod.PHYSICAL_PERCENT_COMPLETE
                : org.mpxj.EarnedValueMethod.PERCENT_COMPLETE);
        if (t.get("RemainingDuration") != null) {
            x.setRemainingDuration(duration(t.get("RemainingDuration"), t.get("DurationFormat")));
        }
        int c = intOr(t.get("ConstraintType"), 0);
        x.setConstraintType(switch (c) {
            case 1 -> ConstraintType.AS_LATE_AS_POSSIBLE;
            case 2 -> ConstraintType.MUST_START_ON;
            case 3 -> ConstraintType.MUST_FINISH_ON;
            case 4 -> ConstraintType.START_NO_EARLIER_THAN;
            case 5 -> ConstraintType.START_NO_LATER_THAN;
            case 6 -> ConstraintType.FINISH_NO_EARLIER_THAN;
            case 7 -> ConstraintType.FINISH_NO_LATER_THAN;
            default -> ConstraintType.AS_SOON_AS_POSSIBLE;
        });
        x.setConstraintDate(dateTime(t.get("ConstraintDate")));
        x.setDeadline(dateTime(t.get("Deadline")));
        Integer cal = integer(t.get("CalendarUID"));
        if (cal != null && calendars.containsKey(cal)) {
            x.setCalendar(calendars.get(cal));
        }
        x.setNotes(t.get("Notes"));
        if (t.get("IgnoreResourceCalendar") != null) {
            ignoreResourceCalendar.put(x, t.get("IgnoreResourceCalendar"));
            x.setIgnoreResourceCalendar("1".equals(t.get("IgnoreResourceCalendar")));
        }
        Double fixedCost = number(t.get("FixedCost"));
        if (fixedCost != null) {
            x.setFixedCost(fixedCost / 100);
        }
        Integer priority = integer(t.get("Priority"));
        if (priority != null) {
            x.setPriority(Priority.getInstance(priority));
        }
        Duration delay = duration(t.get("LevelingDelay"), t.get("LevelingDelayFormat"));
        if (delay != null && delay.getDuration() != 0) {
            x.setLevelingDelay(delay);
        }
        for (El a : t.all("ExtendedAttribute")) {
            FieldType f = fields.get(integer(a.get("FieldID")));
            if (f != null) {
                x.set(f, customValue(f, a.get("Value")));
            }
        }
        for (El b : t.all("Baseline")) {
            baseline(x, b, t.get("DurationFormat")); // as MPXJ: in the task's duration format
        }
        tasks.put(uid, x);
    }

    private Object customValue(FieldType f, String value) {
        String name = f.name();
        if (value == null) {
            return null;
        }
        if (name.startsWith("NUMBER") || name.startsWith("COST")) {
            Double d = number(value);
            return d == null ? null : name.startsWith("COST") ? d / 100 : d;
        }
        if (name.startsWith("FLAG")) {
            return "1".equals(value) || "true".equalsIgnoreCase(value);
        }
        if (name.startsWith("DATE") || name.startsWith("START") || name.startsWith("FINISH")) {
            return dateTime(value);
        }
        if (name.startsWith("DURATION")) {
            return duration(value, null);
        }
        return value;
    }

    private void baseline(Task x, El b, String durationFormat) {
        int n = intOr(b.get("Number"), 0);
        LocalDateTime start = dateTime(b.get("Start"));
        LocalDateTime finish = dateTime(b.get("Finish"));
        Duration duration = duration(b.get("Duration"), durationFormat);
        Duration work = work(b.get("Work"));
        Double cost = number(b.get("Cost"));
        Double money = cost == null ? null : cost / 100;
        if (n == 0) {
            x.setBaselineStart(start);
            x.setBaselineFinish(finish);
            x.setBaselineDuration(duration);
            x.setBaselineWork(work);
            x.setBaselineCost(money);
        } else if (n <= 10) {
            x.setBaselineStart(n, start);
            x.setBaselineFinish(n, finish);
            x.setBaselineDuration(n, duration);
            x.setBaselineWork(n, work);
            x.setBaselineCost(n, money);
        }
    }

    private void links(El t) {
        Task successor = tasks.get(integer(t.get("UID")));
        for (El l : t.all("PredecessorLink")) {
            Task predecessor = tasks.get(integer(l.get("PredecessorUID")));
            if (predecessor == null || successor == null) {
                continue;
            }
            int type = intOr(l.get("Type"), 1);
            RelationType rt = switch (type) {
                case 0 -> RelationType.FINISH_FINISH;
                case 2 -> RelationType.START_FINISH;
                case 3 -> RelationType.START_START;
                default -> RelationType.FINISH_START;
            };
            successor.addPredecessor(new Relation.Builder().predecessorTask(predecessor).type(rt).lag(lag(l.get("LinkLag"), l.get("LagFormat"))));
        }
    }

    /** A lag in tenths of minutes (or a percentage), in the units of its format. */
    private Duration lag(String tenths, String format) {
        double raw = tenths == null ? 0 : Double.parseDouble(tenths);
        TimeUnit unit = unit(format);
        if (unit == TimeUnit.PERCENT || unit == TimeUnit.ELAPSED_PERCENT) {
            return Duration.getInstance(raw, unit); // a percentage lag is kept as the percentage
        }
        double v = raw / 10;
        return Duration.getInstance(v / minutesIn(unit), unit);
    }

    // ------------------------------------------------------------------ assignments

    private void assignment(El a) throws Declined {
        Task task = tasks.get(integer(a.get("TaskUID")));
        if (task == null) {
            return;
        }
        Resource resource = resources.get(integer(a.get("ResourceUID")));
        ResourceAssignment ra = resource == null ? new ResourceAssignment(file, task) : task.addResourceAssignment(resource);
        if (resource == null) {
            task.addResourceAssignment(ra);
        }
        ra.setUniqueID(integer(a.get("UID")));
        Double units = number(a.get("Units"));
        if (units != null) {
            ra.setUnits(units * 100);
        }
        ra.setWork(work(a.get("Work")));
        if (a.get("ActualWork") != null) {
            ra.setActualWork(work(a.get("ActualWork")));
        }
        if (a.get("RemainingWork") != null) {
            ra.setRemainingWork(work(a.get("RemainingWork")));
        }
        Double actualCost = number(a.get("ActualCost"));
        if (actualCost != null) {
            ra.setActualCost(actualCost / 100); // MSPDI keeps costs in hundredths
        }
        int contour = intOr(a.get("WorkContour"), 0);
        ra.setWorkContour(contour == 0 ? WorkContour.FLAT : contour(contour));
        ra.setStart(dateTime(a.get("Start")));
        ra.setFinish(dateTime(a.get("Finish")));
        if (a.child("TimephasedData") != null) {
            splits(task, resource, ra, a);
        }
    }

    /**
     * A split task shows as timephased work with a pause of zero work inside working time; as MPXJ's
     * reader does, such work is normalised and turned into the task's splits. Other timephased data is
     * not needed: Planwright spreads work evenly and reports contours as losses.
     */
    private void splits(Task task, Resource resource, ResourceAssignment ra, El a) {
        ProjectCalendar calendar = resource == null ? null : resource.getCalendar();
        if (calendar == null || "1".equals(ignoreResourceCalendar.get(task))) {
            calendar = task.getEffectiveCalendar();
        }
        List<org.mpxj.TimephasedWork> complete = timephased(a, 2);
        List<org.mpxj.TimephasedWork> planned = timephased(a, 1);
        if (isSplit(calendar, complete) || isSplit(calendar, planned)) {
            org.mpxj.mspdi.MSPDITimephasedWorkNormaliser.INSTANCE.normalise(calendar, ra, complete);
            org.mpxj.mspdi.MSPDITimephasedWorkNormaliser.INSTANCE.normalise(calendar, ra, planned);
            org.mpxj.common.SplitTaskFactory.processSplitData(ra, complete, planned);
        }
    }

    private static boolean isSplit(ProjectCalendar calendar, List<org.mpxj.TimephasedWork> list) {
        for (org.mpxj.TimephasedWork w : list) {
            if (calendar != null && w.getTotalAmount().getDuration() == 0
                    && calendar.getWork(w.getStart(), w.getFinish(), TimeUnit.MINUTES).getDuration() != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<org.mpxj.TimephasedWork> timephased(El a, int type) {
        List<org.mpxj.TimephasedWork> out = new ArrayList<>();
        for (El d : a.all("TimephasedData")) {
            if (intOr(d.get("Type"), -1) != type) {
                continue;
            }
            LocalDateTime start = dateTime(d.get("Start"));
            LocalDateTime finish = dateTime(d.get("Finish"));
            if (start == null && finish == null) {
                continue;
            }
            Double minutes = minutes(d.get("Value"));
            org.mpxj.TimephasedWork w = new org.mpxj.TimephasedWork();
            w.setStart(start);
            w.setFinish(finish);
            w.setTotalAmount(Duration.getInstance(minutes == null ? 0 : Math.round(minutes * 100) / 100.0, TimeUnit.MINUTES));
            out.add(w);
        }
        return out;
    }

    private static WorkContour contour(int c) {
        return switch (c) {
            case 1 -> WorkContour.BACK_LOADED;
            case 2 -> WorkContour.FRONT_LOADED;
            case 3 -> WorkContour.DOUBLE_PEAK;
            case 4 -> WorkContour.EARLY_PEAK;
            case 5 -> WorkContour.LATE_PEAK;
            case 6 -> WorkContour.BELL;
            case 7 -> WorkContour.TURTLE;
            default -> WorkContour.CONTOURED;
        };
    }

    // ------------------------------------------------------------------ values

    private static TimeUnit unit(String format) {
        int f = intOr(format, 7);
        if (f >= 35) {
            f -= 32; // an estimated duration
        }
        return switch (f) {
            case 3 -> TimeUnit.MINUTES;
            case 4 -> TimeUnit.ELAPSED_MINUTES;
            case 5 -> TimeUnit.HOURS;
            case 6 -> TimeUnit.ELAPSED_HOURS;
            case 8 -> TimeUnit.ELAPSED_DAYS;
            case 9 -> TimeUnit.WEEKS;
            case 10 -> TimeUnit.ELAPSED_WEEKS;
            case 11 -> TimeUnit.MONTHS;
            case 12 -> TimeUnit.ELAPSED_MONTHS;
            case 19 -> TimeUnit.PERCENT;
            case 20 -> TimeUnit.ELAPSED_PERCENT;
            default -> TimeUnit.DAYS;
        };
    }

    private double minutesIn(TimeUnit unit) {
        return switch (unit) {
            case MINUTES, ELAPSED_MINUTES -> 1;
            case HOURS, ELAPSED_HOURS -> 60;
            case DAYS -> minutesPerDay;
            case ELAPSED_DAYS -> 1440;
            case WEEKS -> minutesPerWeek;
            case ELAPSED_WEEKS -> 10080;
            case MONTHS -> (double) minutesPerDay * daysPerMonth;
            case ELAPSED_MONTHS -> 43200;
            default -> 1;
        };
    }

    /** {@code PT40H0M0S} in the units of its format. */
    private Duration duration(String text, String format) {
        Double minutes = minutes(text);
        if (minutes == null) {
            return null;
        }
        TimeUnit unit = unit(format);
        return Duration.getInstance(minutes / minutesIn(unit), unit);
    }

    /** Work is shown in hours. */
    private static Duration work(String text) {
        Double minutes = minutes(text);
        return minutes == null ? null : Duration.getInstance(minutes / 60, TimeUnit.HOURS);
    }

    /** ISO 8601 durations as MS Project writes them: {@code PT8H0M0S}, {@code P2DT4H0M0S}, negative with a leading '-'. */
    static Double minutes(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String s = text.trim();
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        if (!s.startsWith("P")) {
            return null;
        }
        double total = 0;
        boolean time = false;
        int i = 1;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == 'T') {
                time = true;
                i++;
                continue;
            }
            int j = i;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            if (j == i || j >= s.length()) {
                return null;
            }
            double v = Double.parseDouble(s.substring(i, j));
            char u = s.charAt(j);
            total += switch (u) {
                case 'Y' -> v * 525600;
                case 'M' -> time ? v : v * 43200;
                case 'W' -> v * 10080;
                case 'D' -> v * 1440;
                case 'H' -> v * 60;
                case 'S' -> v / 60;
                default -> throw new IllegalArgumentException("bad duration " + text);
            };
            i = j + 1;
        }
        return negative ? -total : total;
    }

    private static LocalDateTime dateTime(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        LocalDateTime t = LocalDateTime.parse(s.length() > 19 ? s.substring(0, 19) : s);
        return s.startsWith("2049-12-31") ? null : t; // MS Project's "NA" date
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s.substring(0, 10));
    }

    private static LocalTime time(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        return s.startsWith("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(s);
    }

    private static Integer integer(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            Double d = number(s);
            return d == null ? null : (int) Math.round(d);
        }
    }

    private static int intOr(String s, int fallback) {
        Integer v = integer(s);
        return v == null ? fallback : v;
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
