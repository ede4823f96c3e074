package io.planwright.formats.table;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.check.Problem;
import io.planwright.core.model.Assignment;
import io.planwright.core.model.Constraint;
import io.planwright.core.model.ConstraintType;
import io.planwright.core.model.Duration;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.ResourceType;
import io.planwright.core.model.Task;
import io.planwright.formats.exchange.Ids;
import io.planwright.formats.plan.InputFile;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.SourceMap;
import io.planwright.formats.tree.Location;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a task list from a spreadsheet (CSV or Excel .xlsx): one task per row, a header row naming
 * the columns. Recognised columns (any order, any case): Name (required), Duration, Predecessors in
 * MS Project's notation ({@code 3FS+2d,5SS}, numbers being the ID column or the row number), Resource
 * Names ({@code Ann,Bob[50%]}), WBS ({@code 1.2.3}) or Outline Level for the hierarchy, ID, Start
 * (the earliest becomes the plan's start), Notes, Milestone, Constraint and Constraint Date,
 * Deadline, Actual Start, Actual Finish, % Complete, and Planwright ID. Other columns, such as the dates MS Project calculated, are
 * ignored. Each bad cell is reported with its row and column, and the whole file is read so that all
 * of them are reported at once.
 */
public final class TaskListReader {

    private static final Pattern PREDECESSOR = Pattern.compile("\\s*([0-9]+)\\s*(FS|SS|FF|SF)?\\s*(?:([+-])\\s*(.+?))?\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern RESOURCE = Pattern.compile("\\s*([^\\[\\]]+?)\\s*(?:\\[\\s*([0-9.]+)\\s*(%)?\\s*([^\\]]*)\\])?\\s*");
    private static final long MAX_BYTES = 64L * 1024 * 1024;

    private final String file;
    private final boolean excel;
    private final List<LocatedProblem> problems = new ArrayList<>();
    private final SourceMap sources = new SourceMap();
    private Map<String, Integer> columns = new HashMap<>();
    private List<String> headers = List.of();
    /** The earliest Start of the rows read so far (while the plan is built). */
    private LocalDateTime earliestStart;

    /** A cell's text and where it is (1-based row and column). */
    record CellText(String text, int row, int column, LocalDateTime date) {
    }

    private TaskListReader(String file, boolean excel) {
        this.file = file;
        this.excel = excel;
    }

    public static ReadResult read(Path path) {
        String name = path.toString();
        boolean excel = name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || name.toLowerCase(Locale.ROOT).endsWith(".xls");
        TaskListReader reader = new TaskListReader(name, excel);
        InputFile in = InputFile.read(path, MAX_BYTES, "a task list");
        if (in.failure() != null) {
            return in.asResult();
        }
        byte[] bytes = in.bytes();
        List<List<CellText>> rows;
        try {
            rows = excel ? reader.excelRows(bytes) : reader.csvRows(bytes);
        } catch (BadFile e) {
            return reader.fail(e.code, e.getMessage());
        }
        String base = path.getFileName() == null ? "Imported plan" : path.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Plan plan = reader.plan(base, rows);
        return new ReadResult(name, plan, reader.problems, reader.sources);
    }

    private ReadResult fail(String code, String message) {
        return new ReadResult(file, null, List.of(new LocatedProblem(file, null, Problem.error(code, null, message))), SourceMap.empty());
    }

    private static final class BadFile extends Exception {
        final String code;

        BadFile(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    // ------------------------------------------------------------------ cells

    /** RFC 4180 CSV (commas or semicolons, as Excel writes in some locales), UTF-8 with or without BOM. */
    List<List<CellText>> csvRows(byte[] bytes) throws BadFile {
        String text = csvText(bytes);
        int firstLineEnd = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n');
        String first = text.substring(0, firstLineEnd);
        char sep = count(first, ';') > count(first, ',') ? ';' : ',';
        List<List<CellText>> rows = new ArrayList<>();
        List<CellText> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int column = 1;
        boolean quoted = false;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                quoteLine = line;
                cell.setLength(0);
            } else if (c == sep) {
                row.add(new CellText(cell.toString().strip(), rowLine, column++, null));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(new CellText(cell.toString().strip(), rowLine, column, null));
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                column = 1;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new BadFile("bad-value", "line " + quoteLine + ": a quoted cell is never closed (a '\"' is missing)");
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(new CellText(cell.toString().strip(), rowLine, column, null));
            rows.add(row);
        }
        return rows;
    }

    /** A CSV file's text: UTF-8 (a byte order mark dropped), no binary data. */
    private static String csvText(byte[] bytes) throws BadFile {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadFile("unreadable", "this is not a text (UTF-8) CSV file; save the spreadsheet as CSV UTF-8 or .xlsx");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BadFile("unreadable", "this is not a CSV file (it contains binary data)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** The first sheet (or the one named "Tasks") of a workbook; dates stay dates. */
    List<List<CellText>> excelRows(byte[] bytes) throws BadFile {
        Workbook wb;
        try {
            wb = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (org.apache.poi.EncryptedDocumentException e) {
            throw new BadFile("unreadable", "the workbook is password-protected; save it without a password");
        } catch (IOException | RuntimeException e) {
            throw new BadFile("unreadable", "this is not an Excel workbook (.xlsx), or it is damaged");
        }
        try (wb) {
            Sheet sheet = wb.getSheet("Tasks") != null ? wb.getSheet("Tasks") : wb.getNumberOfSheets() > 0 ? wb.getSheetAt(0) : null;
            if (sheet == null) {
                throw new BadFile("empty", "the workbook has no sheets");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            formatter.setUseCachedValuesForFormulaCells(true); // a formula's value, as Excel shows it
            List<List<CellText>> rows = new ArrayList<>();
            for (Row r : sheet) {
                List<CellText> row = new ArrayList<>();
                int last = Math.max(0, r.getLastCellNum());
                for (int c = 0; c < last; c++) {
                    Cell cell = r.getCell(c);
                    String text = "";
                    LocalDateTime date = null;
                    if (cell != null) {
                        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            date = cell.getLocalDateTimeCellValue();
                            text = date.toString();
                            String shown = cell.getCellStyle().getDataFormatString().toLowerCase(java.util.Locale.ROOT);
                            if (!shown.contains("h") && date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                                // a date alone: the start or the end of that day by the column, as in a text cell
                                text = date.toLocalDate().toString();
                                date = null;
                            }
                        } else if (type == CellType.NUMERIC) {
                            double v = cell.getNumericCellValue();
                            boolean percent = cell.getCellStyle().getDataFormatString().contains("%");
                            if (percent) {
                                v = Math.round(v * 100 * 1e9) / 1e9; // 0.5 shown as 50%
                            }
                            text = (v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v)) + (percent ? "%" : "");
                        } else {
                            text = formatter.formatCellValue(cell).strip();
                        }
                    }
                    row.add(new CellText(text, r.getRowNum() + 1, c + 1, date));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new BadFile("unreadable", "cannot read the workbook: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the plan

    private Plan plan(String name, List<List<CellText>> rows) {
        int headerIndex = headerIndex(rows);
        Plan.Builder plan = Plan.builder(name);
        if (headerIndex < 0) {
            error(null, "empty", "the file has no rows; a task list needs a header row (Name, Duration, Predecessors...) and a row per task");
            return null;
        }
        readHeader(rows.get(headerIndex));
        if (!columns.containsKey("name")) {
            CellText first = rows.get(headerIndex).get(0);
            error(first, "missing-value", "no 'Name' column in the header row; found: " + String.join(", ", headers));
            return null;
        }
        List<CellText[]> data = dataRows(rows, headerIndex);
        Map<String, String> byNumber = new HashMap<>();
        List<String> taskIds = taskIds(data, byNumber);
        List<String> parents = hierarchy(data, taskIds);
        java.util.Set<String> summaries = new java.util.HashSet<>(parents);
        Map<String, Resource> resources = new LinkedHashMap<>();
        Ids resourceIds = new Ids();
        List<Task> tasks = new ArrayList<>();
        earliestStart = null;
        for (int i = 0; i < data.size(); i++) {
            String id = taskIds.get(i);
            tasks.add(task(data.get(i), id, parents.get(i), summaries.contains(id), byNumber, resources, resourceIds));
        }
        plan.start(planStart());
        plan.resources(new ArrayList<>(resources.values()));
        plan.tasks(tasks);
        return plan.build();
    }

    /** The first row with content: the header row; -1 for none. */
    private static int headerIndex(List<List<CellText>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).stream().anyMatch(c -> !c.text().isEmpty())) {
                return i;
            }
        }
        return -1;
    }

    /** The rows with content after the header, each as wide as the header. */
    private List<CellText[]> dataRows(List<List<CellText>> rows, int headerIndex) {
        List<CellText[]> data = new ArrayList<>();
        for (int i = headerIndex + 1; i < rows.size(); i++) {
            List<CellText> r = rows.get(i);
            if (r.stream().allMatch(c -> c.text().isEmpty())) {
                continue;
            }
            CellText[] cells = new CellText[headers.size()];
            int rowNumber = r.get(0).row();
            for (int c = 0; c < cells.length; c++) {
                cells[c] = c < r.size() ? r.get(c) : new CellText("", rowNumber, c + 1, null);
            }
            data.add(cells);
        }
        return data;
    }

    /** Each row's task id (its own, or one made from its ID number), and in {@code byNumber} each ID number's task. */
    private List<String> taskIds(List<CellText[]> data, Map<String, String> byNumber) {
        Ids ids = new Ids();
        List<String> taskIds = new ArrayList<>();
        // the ids the table gives first, so that a generated one never takes an id a later row names
        String[] given = new String[data.size()];
        for (int i = 0; i < data.size(); i++) {
            CellText own = cell(data.get(i), "planwright id");
            if (own != null && !own.text().isEmpty()) {
                if (ids.take(own.text())) {
                    given[i] = own.text();
                } else {
                    problems.add(new LocatedProblem(file, new Location(own.row(), own.column()), Problem.warning("bad-id", null,
                            "row " + own.row() + ": '" + own.text() + "' is not a valid or unique id; the task gets another")));
                }
            }
        }
        for (int i = 0; i < data.size(); i++) {
            CellText[] cells = data.get(i);
            CellText number = cell(cells, "id");
            String id = given[i];
            String n = number != null && !number.text().isEmpty() ? number.text() : Integer.toString(i + 1);
            if (number != null && !number.text().isEmpty() && !number.text().matches("[0-9]+")) {
                error(number, "bad-value", "ID '" + number.text() + "' is not a row number (such as 12)");
            }
            if (id == null) {
                id = ids.unique("t" + (n.matches("[0-9]+") ? n : Integer.toString(i + 1)));
            }
            if (byNumber.containsKey(n)) {
                error(number, "duplicate-id", "ID " + n + " is used by two rows");
            }
            byNumber.put(n, id);
            taskIds.add(id);
            sources.put("tasks/" + id, new Location(cells[0].row(), 1));
        }
        return taskIds;
    }

    /** One row's task; its Start, if earlier than the others so far, becomes {@link #earliestStart}. */
    private Task task(CellText[] cells, String id, String parent, boolean summary, Map<String, String> byNumber,
                      Map<String, Resource> resources, Ids resourceIds) {
        Task.Builder b = Task.builder(id).parentId(parent);
        CellText nameCell = cell(cells, "name");
        if (nameCell.text().isEmpty()) {
            error(nameCell, "missing-value", "the task in this row has no name");
        }
        b.name(nameCell.text().isEmpty() ? id : nameCell.text());
        duration(cells, summary, b);
        CellText milestone = cell(cells, "milestone");
        if (milestone != null && isYes(milestone.text())) {
            b.milestone(true);
        }
        CellText preds = cell(cells, "predecessors");
        if (preds != null && !preds.text().isEmpty()) {
            b.links(links(preds, byNumber, id));
        }
        CellText res = cell(cells, "resources");
        if (res != null && !res.text().isEmpty()) {
            b.assignments(assignments(res, resources, resourceIds));
        }
        CellText start = cell(cells, "start");
        if (start != null && !start.text().isEmpty()) {
            LocalDateTime s = dateTime(start, false);
            if (s != null && (earliestStart == null || s.isBefore(earliestStart))) {
                earliestStart = s;
            }
        }
        CellText notes = cell(cells, "notes");
        if (notes != null && !notes.text().isEmpty()) {
            b.notes(notes.text());
        }
        constraint(cells, b);
        CellText deadline = cell(cells, "deadline");
        if (deadline != null && !deadline.text().isEmpty()) {
            b.deadline(dateTime(deadline, true));
        }
        progress(cells, b);
        return b.build();
    }

    /** A row's duration: a summary's comes from its tasks, an empty cell is one day, a zero one makes a milestone. */
    private void duration(CellText[] cells, boolean summary, Task.Builder b) {
        CellText durationCell = cell(cells, "duration");
        if (durationCell != null && !durationCell.text().isEmpty() && !summary) {
            Duration d = Duration.parse(durationCell.text().replace("?", "")).orElse(null);
            if (d == null || d.isPercent() || d.isNegative()) {
                error(durationCell, "bad-duration", "'" + durationCell.text() + "' is not a duration (such as 5d, 5 days, 3 wks, 4h or 2ed)");
            } else {
                b.duration(d);
                b.milestone(d.isZero());
            }
        } else if (!summary && durationCell != null) {
            b.duration(Duration.days(1));
        }
    }

    /** A row's actual start and finish and its % complete. */
    private void progress(CellText[] cells, Task.Builder b) {
        CellText actualStart = cell(cells, "actual start");
        if (actualStart != null && !actualStart.text().isEmpty()) {
            b.actualStart(dateTime(actualStart, false));
        }
        CellText actualFinish = cell(cells, "actual finish");
        if (actualFinish != null && !actualFinish.text().isEmpty()) {
            b.actualFinish(dateTime(actualFinish, true));
        }
        CellText complete = cell(cells, "% complete");
        if (complete != null && !complete.text().isEmpty()) {
            Double pc = number(complete.text().replace("%", ""));
            if (pc == null || !(pc >= 0 && pc <= 100)) {
                error(complete, "bad-value", "'" + complete.text() + "' is not a percentage between 0 and 100");
            } else {
                b.percentComplete(pc);
            }
        }
    }

    /** The plan's start: the earliest Start of the table (08:00 for a date alone), else next Monday 08:00, with a warning. */
    private LocalDateTime planStart() {
        LocalDateTime earliest = earliestStart;
        if (earliest == null) {
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            earliest = monday.atTime(8, 0);
            problems.add(new LocatedProblem(file, null, Problem.warning("missing-value", "plan/start",
                    "the table has no Start dates; the plan starts on " + monday + " (set 'start' in the plan file to change it)")));
        } else if (earliest.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            earliest = earliest.withHour(8);
        }
        return earliest;
    }

    private void readHeader(List<CellText> header) {
        List<String> names = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (CellText c : header) {
            names.add(c.text());
            String key = canonical(c.text());
            if (key == null) {
                if (!c.text().isEmpty()) {
                    ignored.add(c.text());
                }
            } else if (!columns.containsKey(key)) {
                columns.put(key, c.column() - 1);
            }
        }
        headers = names;
        if (!ignored.isEmpty()) {
            problems.add(new LocatedProblem(file, new Location(header.get(0).row(), 1), Problem.warning("ignored-columns", null,
                    "columns read for reference only, not imported: " + String.join(", ", ignored))));
        }
    }

    /** The column a header names, or null. */
    static String canonical(String header) {
        String h = header.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ").strip();
        return switch (h) {
            case "name", "task name", "task", "activity", "activity name", "title", "summary" -> "name";
            case "duration", "dur", "original duration" -> "duration";
            case "predecessors", "predecessor", "depends on", "dependencies" -> "predecessors";
            case "resource names", "resources", "resource", "assigned to", "resource name" -> "resources";
            case "wbs", "wbs code", "outline number" -> "wbs";
            case "outline level", "level", "indent" -> "level";
            case "id", "#", "task id", "row" -> "id";
            case "planwright id" -> "planwright id";
            case "start", "start date" -> "start";
            case "notes", "note", "description" -> "notes";
            case "milestone" -> "milestone";
            case "constraint", "constraint type" -> "constraint";
            case "constraint date" -> "constraint date";
            case "deadline" -> "deadline";
            case "actual start", "actual start date", "started" -> "actual start";
            case "actual finish", "actual finish date", "finished" -> "actual finish";
            case "% complete", "percent complete", "% done", "progress" -> "% complete";
            default -> null;
        };
    }

    private CellText cell(CellText[] cells, String key) {
        Integer c = columns.get(key);
        return c == null || c >= cells.length ? null : cells[c];
    }

    /** Each row's parent, from the WBS column or else the Outline Level column; top level without either. */
    private List<String> hierarchy(List<CellText[]> data, List<String> ids) {
        List<String> parents = new ArrayList<>();
        boolean byWbs = columns.containsKey("wbs");
        boolean byLevel = columns.containsKey("level");
        Map<String, String> wbsToId = new HashMap<>();
        List<String> stack = new ArrayList<>(); // the last task seen at each level
        for (int i = 0; i < data.size(); i++) {
            CellText[] cells = data.get(i);
            String parent = null;
            if (byWbs && !cell(cells, "wbs").text().isEmpty()) {
                CellText w = cell(cells, "wbs");
                String code = w.text().replaceAll("\\.0+$", "").strip();
                if (!code.matches("[^.\\s]+(\\.[^.\\s]+)*")) {
                    error(w, "bad-value", "WBS '" + w.text() + "' is not an outline code (such as 1.2.3)");
                } else {
                    if (wbsToId.containsKey(code)) {
                        error(w, "duplicate-id", "WBS " + code + " is used by two rows");
                    }
                    wbsToId.put(code, ids.get(i));
                    int dot = code.lastIndexOf('.');
                    if (dot > 0) {
                        parent = wbsToId.get(code.substring(0, dot));
                        if (parent == null) {
                            error(w, "unknown-parent", "WBS " + code + " comes before (or without) its parent " + code.substring(0, dot));
                        }
                    }
                }
            } else if (byLevel && !cell(cells, "level").text().isEmpty()) {
                CellText l = cell(cells, "level");
                Double level = number(l.text());
                if (level == null || level < 1 || level != Math.rint(level)) {
                    error(l, "bad-value", "outline level '" + l.text() + "' is not a whole number from 1");
                } else {
                    int lv = level.intValue();
                    if (lv > stack.size() + 1) {
                        error(l, "bad-value", "outline level " + lv + " follows level " + stack.size() + ": a level can only go one deeper at a time");
                        lv = stack.size() + 1;
                    }
                    while (stack.size() >= lv) {
                        stack.remove(stack.size() - 1);
                    }
                    parent = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                    stack.add(ids.get(i));
                }
            }
            parents.add(parent);
        }
        return parents;
    }

    private List<Link> links(CellText c, Map<String, String> byNumber, String self) {
        List<Link> out = new ArrayList<>();
        for (String part : c.text().split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = PREDECESSOR.matcher(part);
            if (!m.matches()) {
                error(c, "bad-link", "'" + part.strip() + "' is not a predecessor in MS Project's notation (such as 3, 3FS+2d or 5SS-1d)");
                continue;
            }
            String target = byNumber.get(m.group(1));
            if (target == null) {
                error(c, "unknown-task", "predecessor " + m.group(1) + " is not the ID of any row");
                continue;
            }
            if (target.equals(self)) {
                error(c, "self-link", "a task cannot be its own predecessor (" + part.strip() + ")");
                continue;
            }
            LinkType type = m.group(2) == null ? LinkType.FS : LinkType.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            Duration lag = Duration.ZERO;
            if (m.group(3) != null) {
                Duration d = Duration.parse(m.group(4).replace("?", "")).orElse(null);
                if (d == null) {
                    error(c, "bad-duration", "the lag '" + m.group(4) + "' of '" + part.strip() + "' is not a duration (such as 2d, 4h or 50%)");
                    continue;
                }
                lag = m.group(3).equals("-") ? d.negate() : d;
            }
            out.add(Link.of(target, type, lag));
        }
        return out;
    }

    private List<Assignment> assignments(CellText c, Map<String, Resource> resources, Ids ids) {
        List<Assignment> out = new ArrayList<>();
        for (String part : splitOutsideBrackets(c.text())) {
            if (part.isBlank()) {
                continue;
            }
            Matcher m = RESOURCE.matcher(part);
            if (!m.matches()) {
                error(c, "bad-value", "'" + part.strip() + "' is not a resource (such as Ann, Ann[50%] or Cement[12 t])");
                continue;
            }
            String name = m.group(1);
            boolean percent = m.group(3) != null;
            Double amount = m.group(2) == null ? null : number(m.group(2));
            if (m.group(2) != null && (amount == null || !(amount > 0))) {
                error(c, "bad-value", "the units of '" + part.strip() + "' must be a positive number");
                continue;
            }
            Resource r = resources.get(name.toLowerCase(Locale.ROOT));
            if (r == null) {
                boolean material = amount != null && !percent;
                Resource.Builder rb = Resource.builder(ids.slug(name, "r" + (resources.size() + 1))).name(name)
                        .type(material ? ResourceType.MATERIAL : ResourceType.WORK);
                if (material && m.group(4) != null && !m.group(4).isBlank()) {
                    rb.materialLabel(m.group(4).strip());
                }
                r = rb.build();
                resources.put(name.toLowerCase(Locale.ROOT), r);
            }
            double units = amount == null ? 1 : percent ? amount / 100 : amount;
            String rid = r.id();
            if (out.stream().anyMatch(a -> a.resourceId().equals(rid))) {
                error(c, "duplicate-id", "resource '" + name + "' is listed twice");
                continue;
            }
            out.add(new Assignment(r.id(), units, null));
        }
        return out;
    }

    private static List<String> splitOutsideBrackets(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            depth += ch == '[' || ch == '(' ? 1 : ch == ']' || ch == ')' ? -1 : 0; // "Crew (day, night)" is one name
            if ((ch == ',' || ch == ';') && depth == 0) {
                out.add(s.substring(from, i));
                from = i + 1;
            }
        }
        out.add(s.substring(from));
        return out;
    }

    private void constraint(CellText[] cells, Task.Builder b) {
        CellText type = cell(cells, "constraint");
        if (type == null || type.text().isEmpty()) {
            return;
        }
        ConstraintType t = constraintType(type.text());
        if (t == null) {
            error(type, "bad-value", "'" + type.text() + "' is not a constraint (ASAP, ALAP, SNET, SNLT, FNET, FNLT, MSO, MFO, "
                    + "or MS Project's names such as 'Start No Earlier Than')");
            return;
        }
        if (!t.needsDate()) {
            b.constraint(t == ConstraintType.ASAP ? Constraint.ASAP : Constraint.ALAP);
            return;
        }
        CellText date = cell(cells, "constraint date");
        if (date == null || date.text().isEmpty()) {
            error(type, "missing-value", "the constraint " + t.name() + " needs a date in a 'Constraint Date' column");
            return;
        }
        LocalDateTime d = dateTime(date, t == ConstraintType.FNET || t == ConstraintType.FNLT || t == ConstraintType.MFO);
        if (d != null) {
            b.constraint(Constraint.of(t, d));
        }
    }

    static ConstraintType constraintType(String text) {
        String s = text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        for (ConstraintType t : ConstraintType.values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        return switch (s) {
            case "ASSOONASPOSSIBLE" -> ConstraintType.ASAP;
            case "ASLATEASPOSSIBLE" -> ConstraintType.ALAP;
            case "STARTNOEARLIERTHAN" -> ConstraintType.SNET;
            case "STARTNOLATERTHAN" -> ConstraintType.SNLT;
            case "FINISHNOEARLIERTHAN" -> ConstraintType.FNET;
            case "FINISHNOLATERTHAN" -> ConstraintType.FNLT;
            case "MUSTSTARTON" -> ConstraintType.MSO;
            case "MUSTFINISHON" -> ConstraintType.MFO;
            default -> null;
        };
    }

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'H:mm"),
            DateTimeFormatter.ofPattern("d/M/yyyy H:mm"), DateTimeFormatter.ofPattern("d.M.yyyy H:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("d/M/yyyy"),
            DateTimeFormatter.ofPattern("d.M.yyyy"));

    /** ISO dates and times, or day/month/year; a date alone is the day's start or, for a finish, its end. */
    private LocalDateTime dateTime(CellText c, boolean finish) {
        if (c.date() != null) {
            return c.date();
        }
        String s = c.text().strip();
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(s, f);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                LocalDate d = LocalDate.parse(s, f);
                return io.planwright.core.calendar.Moments.of(d, finish ? io.planwright.core.calendar.Moments.Edge.FINISH
                        : io.planwright.core.calendar.Moments.Edge.START);
            } catch (DateTimeParseException e) {
                // next
            }
        }
        error(c, "bad-date", "'" + s + "' is not a date (such as 2026-03-02, 2026-03-02 08:00 or 2/3/2026)");
        return null;
    }

    private static boolean isYes(String s) {
        String v = s.strip().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("true") || v.equals("y") || v.equals("1") || v.equals("x");
    }

    private static Double number(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void error(CellText c, String code, String message) {
        Location at = c == null ? null : new Location(c.row(), c.column());
        String where = c == null ? "" : excel ? "cell " + CellReference.convertNumToColString(c.column() - 1) + c.row() + " ("
                + header(c.column()) + "): " : "row " + c.row() + ", column " + header(c.column()) + ": ";
        problems.add(new LocatedProblem(file, at, Problem.error(code, null, where + message)));
    }

    private String header(int column) {
        return column - 1 < headers.size() && !headers.get(column - 1).isEmpty() ? "'" + headers.get(column - 1) + "'" : "#" + column;
    }
}
