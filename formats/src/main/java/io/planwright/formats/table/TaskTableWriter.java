package io.planwright.formats.table;

import io.planwright.core.model.Assignment;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.model.Wbs;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.formats.schedule.ScheduleCsv;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan's task table with its schedule, as MS Project shows it: one row per task with its ID (the
 * row number), WBS, outline level, name, duration, predecessors in MS Project's notation
 * ({@code 3FS+2d,5SS}), resource names ({@code Ann[50%],Bob}), and the scheduled dates, slack and
 * critical flag, and the progress (actual start and finish, % complete). The same columns read back through
 * {@link TaskListReader}, so a plan survives a trip through a spreadsheet (its tasks, hierarchy, durations,
 * links, assignments and progress).
 */
public final class TaskTableWriter {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("ID", "Planwright ID", "WBS", "Outline Level", "Name", "Duration", "Predecessors",
            "Resource Names", "Start", "Finish", "Early Start", "Early Finish", "Late Start", "Late Finish", "Total Slack (h)",
            "Free Slack (h)", "Critical", "Milestone", "Summary", "Constraint", "Constraint Date", "Deadline", "Actual Start", "Actual Finish", "% Complete", "Notes");

    /** Excel's limit for the text of one cell. */
    static final int MAX_CELL = 32_767;

    private TaskTableWriter() {
    }

    /** The table as rows of text cells (dates as {@code 2026-03-02 08:00}), header first. */
    public static List<List<String>> rows(Plan plan, PlanSchedule schedule) {
        Wbs wbs = Wbs.of(plan);
        Map<String, Integer> row = new HashMap<>();
        for (int i = 0; i < plan.tasks().size(); i++) {
            row.put(plan.tasks().get(i).id(), i + 1);
        }
        Map<String, Resource> resources = new HashMap<>();
        plan.resources().forEach(r -> resources.put(r.id(), r));
        List<List<String>> out = new ArrayList<>();
        out.add(COLUMNS);
        for (int i = 0; i < plan.tasks().size(); i++) {
            Task t = plan.tasks().get(i);
            ScheduledTask s = schedule == null ? null : schedule.task(t.id()).orElse(null);
            boolean summary = wbs.isSummary(i);
            List<String> r = new ArrayList<>(COLUMNS.size());
            r.add(Integer.toString(i + 1));
            r.add(t.id());
            r.add(wbs.outlineNumber(i));
            r.add(Integer.toString(wbs.depth(i) + 1));
            r.add(t.name());
            r.add(summary ? "" : t.duration() == null ? (t.milestone() ? "0d" : "") : t.duration().toString());
            r.add(predecessors(t, row));
            r.add(resourceNames(t, resources));
            r.add(s == null ? "" : ScheduleCsv.time(s.start()));
            r.add(s == null ? "" : ScheduleCsv.time(s.finish()));
            r.add(s == null ? "" : ScheduleCsv.time(s.earlyStart()));
            r.add(s == null ? "" : ScheduleCsv.time(s.earlyFinish()));
            r.add(s == null ? "" : ScheduleCsv.time(s.lateStart()));
            r.add(s == null ? "" : ScheduleCsv.time(s.lateFinish()));
            r.add(s == null ? "" : ScheduleCsv.hours(s.totalFloatMinutes()));
            r.add(s == null ? "" : ScheduleCsv.hours(s.freeFloatMinutes()));
            r.add(s == null ? "" : s.critical() ? "Yes" : "No");
            r.add(t.milestone() || (s != null && s.type() == ScheduledTask.Kind.MILESTONE) ? "Yes" : "No");
            r.add(summary ? "Yes" : "No");
            r.add(t.constraint() == null ? "" : t.constraint().type().name());
            // dates the plan gave are written as the plan file writes them: a date alone for the start or end of a day
            r.add(t.constraint() == null || t.constraint().date() == null ? "" : io.planwright.core.calendar.Moments.written(t.constraint().date(),
                    t.constraint().type().constrainsStart() ? io.planwright.core.calendar.Moments.Edge.START : io.planwright.core.calendar.Moments.Edge.FINISH));
            r.add(t.deadline() == null ? "" : io.planwright.core.calendar.Moments.written(t.deadline(), io.planwright.core.calendar.Moments.Edge.FINISH));
            r.add(t.actualStart() == null ? "" : io.planwright.core.calendar.Moments.written(t.actualStart(), io.planwright.core.calendar.Moments.Edge.START));
            r.add(t.actualFinish() == null ? "" : io.planwright.core.calendar.Moments.written(t.actualFinish(), io.planwright.core.calendar.Moments.Edge.FINISH));
            r.add(t.percentComplete() == 0 ? "" : number(t.percentComplete()));
            r.add(t.notes() == null ? "" : t.notes());
            out.add(r);
        }
        return out;
    }

    /** MS Project's notation: {@code 3}, {@code 3SS}, {@code 3FS+2d}, {@code 5FF-1d}, joined with commas. */
    static String predecessors(Task t, Map<String, Integer> row) {
        List<String> parts = new ArrayList<>();
        for (Link l : t.links()) {
            Integer p = row.get(l.predecessorId());
            if (p == null) {
                continue;
            }
            boolean lag = l.lag() != null && !l.lag().isZero();
            String s = Integer.toString(p);
            if (l.type() != LinkType.FS || lag) {
                s += l.type().name();
            }
            if (lag) {
                s += (l.lag().isNegative() ? "" : "+") + l.lag();
            }
            parts.add(s);
        }
        return String.join(",", parts);
    }

    /** {@code Ann}, {@code Ann[50%]}, {@code Cement[12]} for a material. */
    static String resourceNames(Task t, Map<String, Resource> resources) {
        List<String> parts = new ArrayList<>();
        for (Assignment a : t.assignments()) {
            Resource r = resources.get(a.resourceId());
            String name = r == null ? a.resourceId() : r.name();
            boolean work = r == null || r.type() == io.planwright.core.model.ResourceType.WORK;
            if (work && Math.abs(a.units() - 1) < 1e-9) {
                parts.add(name);
            } else if (work) {
                parts.add(name + "[" + number(a.units() * 100) + "%]");
            } else {
                parts.add(name + "[" + number(a.units()) + "]");
            }
        }
        return String.join(",", parts);
    }

    private static String number(double v) {
        double r = Math.round(v * 1e6) / 1e6;
        return r == Math.rint(r) ? Long.toString((long) r) : Double.toString(r);
    }

    // ------------------------------------------------------------------ CSV

    public static String csv(Plan plan, PlanSchedule schedule) {
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows(plan, schedule)) {
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(ScheduleCsv.field(r.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    public static byte[] csvBytes(Plan plan, PlanSchedule schedule) {
        return csv(plan, schedule).getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ Excel

    /**
     * An Excel workbook: the task table (dates as real dates, numbers as numbers, the names indented by
     * outline level, frozen header, filters) and a sheet of resources.
     */
    public static byte[] xlsx(Plan plan, PlanSchedule schedule) throws IOException {
        List<List<String>> rows = rows(plan, schedule);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CreationHelper helper = wb.getCreationHelper();
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle day = wb.createCellStyle();
            day.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            Map<Integer, CellStyle> indents = new HashMap<>();
            Sheet sheet = wb.createSheet("Tasks");
            int nameColumn = COLUMNS.indexOf("Name");
            int levelColumn = COLUMNS.indexOf("Outline Level");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    String v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (r == 0) {
                        cell.setCellValue(v);
                        cell.setCellStyle(header);
                    } else if (v.isEmpty()) {
                        cell.setBlank();
                    } else if (isDateColumn(c) && v.length() == 10) {
                        // a date alone (the plan's deadline, a finish constraint): shown as that day, read back as its end
                        cell.setCellValue(java.time.LocalDate.parse(v));
                        cell.setCellStyle(day);
                    } else if (isDateColumn(c)) {
                        cell.setCellValue(LocalDateTime.parse(v.replace(' ', 'T')));
                        cell.setCellStyle(date);
                    } else if (isNumberColumn(c)) {
                        cell.setCellValue(Double.parseDouble(v));
                    } else {
                        cell.setCellValue(v.length() > MAX_CELL ? v.substring(0, MAX_CELL - 1) + "…" : v);
                        if (c == nameColumn) {
                            int level = Integer.parseInt(values.get(levelColumn));
                            if (level > 1) {
                                cell.setCellStyle(indents.computeIfAbsent(level, l -> {
                                    CellStyle s = wb.createCellStyle();
                                    s.setIndention((short) Math.min(15, l - 1));
                                    return s;
                                }));
                            }
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            if (rows.size() > 1) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, rows.size() - 1, 0, COLUMNS.size() - 1));
            }
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, width(COLUMNS.get(c)));
            }
            resourcesSheet(wb, plan, header);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void resourcesSheet(XSSFWorkbook wb, Plan plan, CellStyle header) {
        Sheet sheet = wb.createSheet("Resources");
        List<String> cols = List.of("Planwright ID", "Name", "Type", "Max Units", "Standard Rate", "Overtime Rate", "Cost/Use", "Calendar", "Group", "Email");
        Row h = sheet.createRow(0);
        for (int c = 0; c < cols.size(); c++) {
            Cell cell = h.createCell(c);
            cell.setCellValue(cols.get(c));
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, 16 * 256);
        }
        int r = 1;
        for (Resource res : plan.resources()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(res.id());
            row.createCell(1).setCellValue(res.name());
            row.createCell(2).setCellValue(res.type().name().toLowerCase(Locale.ROOT));
            row.createCell(3).setCellValue(res.maxUnits());
            row.createCell(4).setCellValue(res.standardRate() == null ? "" : res.standardRate().toString());
            row.createCell(5).setCellValue(res.overtimeRate() == null ? "" : res.overtimeRate().toString());
            if (res.costPerUse() != null) {
                row.createCell(6).setCellValue(res.costPerUse().doubleValue());
            }
            row.createCell(7).setCellValue(res.calendarId() == null ? "" : res.calendarId());
            row.createCell(8).setCellValue(res.group() == null ? "" : res.group());
            row.createCell(9).setCellValue(res.email() == null ? "" : res.email());
        }
        sheet.createFreezePane(0, 1);
    }

    private static boolean isDateColumn(int c) {
        String name = COLUMNS.get(c);
        return name.equals("Start") || name.equals("Finish") || name.endsWith(" Start") || name.endsWith(" Finish")
                || name.equals("Constraint Date") || name.equals("Deadline") || name.startsWith("Actual ");
    }

    private static boolean isNumberColumn(int c) {
        String name = COLUMNS.get(c);
        return name.equals("ID") || name.equals("Outline Level") || name.startsWith("Total Slack") || name.startsWith("Free Slack")
                || name.equals("% Complete");
    }

    private static int width(String column) {
        return switch (column) {
            case "Name" -> 44 * 256;
            case "Notes" -> 40 * 256;
            case "Predecessors", "Resource Names" -> 22 * 256;
            case "ID", "Outline Level", "Critical", "Milestone", "Summary" -> 9 * 256;
            default -> 17 * 256;
        };
    }
}
