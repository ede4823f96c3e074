package io.planwright.formats.table;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Link;
import io.planwright.core.model.LinkType;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Task;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.PlanScheduler;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListTest {

    @TempDir
    Path dir;

    @Test
    void readsAnMsProjectStyleCsvWithOutlineLevelsPredecessorsAndResources() throws Exception {
        Path csv = Files.writeString(dir.resolve("tasks.csv"), """
                ID,Name,Duration,Start,Predecessors,Resource Names,Outline Level,Baseline Cost
                1,Build,,2026-03-02,,,1,
                2,Design,5 days,,,"Ann[50%],Bob",2,1000
                3,Code,2 wks,,2,Bob,2,
                4,Review,4h,,"3SS+2d,2FF-1 day",Ann,2,
                5,Release,0d,,"3,4",,1,
                """);
        ReadResult r = PlanIO.readAndCheck(csv);
        assertThat(r.problems().stream().filter(LocatedProblem::isError)).isEmpty();
        Plan plan = r.plan();
        assertThat(plan.tasks()).extracting(Task::id).containsExactly("t1", "t2", "t3", "t4", "t5");
        assertThat(plan.tasks()).extracting(Task::parentId).containsExactly(null, "t1", "t1", "t1", null);
        Map<String, Task> byId = plan.tasks().stream().collect(Collectors.toMap(Task::id, t -> t));
        assertThat(byId.get("t3").duration().toString()).isEqualTo("2w");
        assertThat(byId.get("t4").links()).containsExactly(Link.of("t3", LinkType.SS, io.planwright.core.model.Duration.days(2)),
                Link.of("t2", LinkType.FF, io.planwright.core.model.Duration.days(-1)));
        assertThat(byId.get("t5").milestone()).isTrue();
        assertThat(plan.resources()).extracting(Resource::name).containsExactly("Ann", "Bob");
        assertThat(byId.get("t2").assignments()).extracting(a -> a.resourceId() + "@" + a.units()).containsExactly("ann@0.5", "bob@1.0");
        assertThat(plan.start()).isEqualTo(LocalDateTime.of(2026, 3, 2, 8, 0));
        // the unknown column is named in a warning, not silently dropped
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.problem().message()).contains("Baseline Cost"));
        PlanSchedule s = PlanScheduler.schedule(plan);
        assertThat(s.task("t5").orElseThrow().finish()).isEqualTo(LocalDateTime.of(2026, 3, 20, 17, 0));
    }

    @Test
    void everyBadCellIsReportedWithItsRowAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                Name,Duration,Predecessors,Outline Level
                Design,five days,,1
                ,2d,1,1
                Code,3d,9,1
                Test,1d,2XX,3
                """);
        ReadResult r = PlanIO.readAndCheck(csv);
        List<String> errors = r.problems().stream().filter(LocatedProblem::isError).map(LocatedProblem::format).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(csv + ":2:2: error: row 2, column 'Duration': 'five days' is not a duration"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(csv + ":3:1: error: row 3, column 'Name': the task in this row has no name"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(csv + ":4:3: error: row 4, column 'Predecessors': predecessor 9 is not the ID of any row"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(csv + ":5:3: error: row 5, column 'Predecessors': '2XX' is not a predecessor"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith(csv + ":5:4: error: row 5, column 'Outline Level': outline level 3 follows level 1"));
    }

    @Test
    void idsTheTableGivesAreKeptEvenWhenAnEarlierRowWouldHaveTakenThem() throws Exception {
        Path csv = Files.writeString(dir.resolve("ids.csv"), "ID,Planwright ID,Name,Duration,Predecessors\n3,,New task,1d,\n4,t3,Design,2d,3\n5,t3,Again,1d,\n");
        ReadResult r = PlanIO.readAndCheck(csv);
        assertThat(r.plan().tasks()).extracting(Task::id).containsExactly("t3-2", "t3", "t5");
        assertThat(r.plan().tasks().get(1).links()).extracting(Link::predecessorId).containsExactly("t3-2");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.format()).contains(":4:2: warning: row 4: 't3' is not a valid or unique id"));
    }

    @Test
    void aCycleIsReportedAtTheRowOfItsTask() throws Exception {
        Path csv = Files.writeString(dir.resolve("cycle.csv"), "Name,Duration,Predecessors\nA,1d,2\nB,1d,1\n");
        ReadResult r = PlanIO.readAndCheck(csv);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.location().line()).isIn(2, 3);
            assertThat(p.problem().message()).contains("cycle");
        });
    }

    @Test
    void readsAnExcelWorkbookWithWbsCodesAndRealDates() throws Exception {
        Path xlsx = dir.resolve("tasks.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("Plan");
            Object[][] rows = {
                    {"WBS", "Task Name", "Duration", "Start", "Predecessors"},
                    {"1", "Prepare", null, LocalDateTime.of(2026, 5, 4, 0, 0), null},
                    {"1.1", "Order parts", "3d", null, null},
                    {"1.2", "Assemble", "2d", null, 2.0},
                    {"2", "Ship", "1d", null, "3FS+1d"},
            };
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int c = 0; c < rows[i].length; c++) {
                    Object v = rows[i][c];
                    if (v instanceof String s) {
                        row.createCell(c).setCellValue(s);
                    } else if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v instanceof LocalDateTime t) {
                        var cell = row.createCell(c);
                        cell.setCellValue(t);
                        var style = wb.createCellStyle();
                        style.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                        cell.setCellStyle(style);
                    }
                }
            }
            wb.write(out);
        }
        ReadResult r = PlanIO.readAndCheck(xlsx);
        assertThat(r.problems().stream().filter(LocatedProblem::isError)).isEmpty();
        Plan plan = r.plan();
        assertThat(plan.tasks()).extracting(Task::parentId).containsExactly(null, "t1", "t1", null);
        assertThat(plan.start()).isEqualTo(LocalDateTime.of(2026, 5, 4, 8, 0));
        PlanSchedule s = PlanScheduler.schedule(plan);
        assertThat(s.task("t4").orElseThrow().finish()).isEqualTo(LocalDateTime.of(2026, 5, 12, 17, 0));
    }

    @Test
    void aBadExcelCellIsNamedByItsReference() throws Exception {
        Path xlsx = dir.resolve("bad.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("Tasks");
            Row h = sheet.createRow(0);
            h.createCell(0).setCellValue("Name");
            h.createCell(1).setCellValue("Duration");
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("Design");
            r1.createCell(1).setCellValue("soon");
            wb.write(out);
        }
        ReadResult r = PlanIO.readAndCheck(xlsx);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.format()).startsWith(xlsx + ":2:2: error: cell B2 ('Duration'): 'soon' is not a duration"));
    }

    @Test
    void theTaskTableOfAPlanReadsBackAsTheSameTasksLinksAndAssignments() throws Exception {
        Plan plan = PlanIO.readAndCheck(Path.of("..", "examples", "software-release.plan.yaml")).plan();
        for (String name : List.of("table.csv", "table.xlsx")) {
            Path out = dir.resolve(name);
            PlanIO.write(plan, out, Instant.now());
            ReadResult r = PlanIO.readAndCheck(out);
            assertThat(r.problems().stream().filter(LocatedProblem::isError)).as(name).isEmpty();
            Plan back = r.plan();
            assertThat(back.tasks()).extracting(Task::id).containsExactlyElementsOf(plan.tasks().stream().map(Task::id).toList());
            assertThat(back.tasks()).extracting(Task::parentId).containsExactlyElementsOf(plan.tasks().stream().map(Task::parentId).toList());
            Map<String, String> names = new HashMap<>();
            plan.resources().forEach(x -> names.put(x.id(), x.name()));
            back.resources().forEach(x -> names.put(x.id(), x.name()));
            for (int i = 0; i < plan.tasks().size(); i++) {
                Task a = plan.tasks().get(i);
                Task b = back.tasks().get(i);
                assertThat(b.links()).as(a.id()).containsExactlyElementsOf(a.links().stream().map(l -> Link.of(l.predecessorId(), l.type(), l.lag())).toList());
                assertThat(b.assignments().stream().map(x -> names.get(x.resourceId()) + "@" + x.units()).toList()).as(a.id())
                        .containsExactlyElementsOf(a.assignments().stream().map(x -> names.get(x.resourceId()) + "@" + x.units()).toList());
                if (a.duration() != null && !b.milestone()) {
                    assertThat(b.duration().minutes(back.workTime())).as(a.id()).isEqualTo(a.duration().minutes(plan.workTime()));
                }
            }
        }
    }

    @Test
    void deadlinesAndFinishConstraintsGivenAsDatesAreThatDayInTheTableAndReadBackTheSame() throws Exception {
        Plan plan = io.planwright.formats.plan.PlanFiles.parse("d.plan.yaml", """
                planwright: 1
                plan: {name: Dates, start: 2026-03-02}
                tasks:
                  build: {duration: 10d, deadline: 2026-03-11, constraint: FNLT 2026-03-20}
                  ship: {duration: 1d, after: [build], constraint: SNET 2026-03-16}
                """, null).plan();
        for (String name : List.of("dates.csv", "dates.xlsx")) {
            Path out = dir.resolve(name);
            PlanIO.write(plan, out, Instant.now());
            if (name.endsWith(".csv")) {
                assertThat(java.nio.file.Files.readString(out)).contains("2026-03-11").doesNotContain("2026-03-12").contains("2026-03-20")
                        .doesNotContain("2026-03-21");
            }
            Plan back = PlanIO.readAndCheck(out).plan();
            for (String id : List.of("build", "ship")) {
                Task a = plan.task(id).orElseThrow();
                Task b = back.task(id).orElseThrow();
                assertThat(b.deadline()).as(name + " " + id).isEqualTo(a.deadline());
                assertThat(b.constraint()).as(name + " " + id).isEqualTo(a.constraint());
            }
        }
    }
}
