package io.planwright.cli;

import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static io.planwright.cli.CliTest.ERP;
import static io.planwright.cli.CliTest.RELEASE;
import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The exchange commands on real files: other tools' formats in and out, losses, conformance, bad input. */
class ExchangeCliTest {

    static final Path SAMPLES = Path.of("..", "testdata", "msproject-samples");

    @TempDir
    Path dir;

    @Test
    void scheduleReadsMsProjectAndPrimaveraFilesDirectly() {
        for (String sample : List.of("mpp14relations.mpp", "mspdirelations.xml", "legacy/sample.mpx", "PredecessorCalendar.xer",
                "generated/task-percentcomplete/percent-complete-8.4.pmxml", "planner-sample.planner")) {
            CliTest.Run r = run("schedule", SAMPLES.resolve(sample).toString(), "--format", "csv");
            assertThat(r.exit()).as(sample + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("id,wbs,name,type,duration_hours,start,finish");
        }
    }

    @Test
    void lossesAreWarningsOnTheCliAndAListInTheJson() throws Exception {
        Path file = SAMPLES.resolve("mpp14resource.mpp");
        CliTest.Run text = run("schedule", file.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.err()).contains(file + ": warning: not carried over: task 't3' (Contoured Task): the work contour 'TURTLE'");
        CliTest.Run json = run("schedule", file.toString(), "--format", "json", "--quiet");
        Node.MapNode tree = (Node.MapNode) JsonTreeReader.read(json.out());
        Node.ListNode losses = (Node.ListNode) tree.get("losses").orElseThrow();
        assertThat(losses.items()).singleElement().satisfies(l -> {
            assertThat(((Node.ScalarNode) ((Node.MapNode) l).get("task").orElseThrow()).text()).isEqualTo("t3");
            assertThat(((Node.ScalarNode) ((Node.MapNode) l).get("message").orElseThrow()).text()).contains("TURTLE");
        });
    }

    @Test
    void convertToMsProjectXmlAndBackSchedulesTheSame() {
        Path xml = dir.resolve("erp.xml");
        CliTest.Run out = run("convert", ERP.toString(), xml.toString());
        assertThat(out.exit()).as(out.err()).isZero();
        assertThat(out.err()).contains("warning: not written: 4 objectives").contains("wrote " + xml + " (MS Project XML, 160 tasks)");
        String before = run("schedule", ERP.toString(), "--format", "csv").out();
        String after = run("schedule", xml.toString(), "--format", "csv", "--quiet").out();
        assertThat(after).isEqualTo(before);
        Path back = dir.resolve("back.plan.yaml");
        assertThat(run("convert", xml.toString(), back.toString()).exit()).isZero();
        assertThat(run("validate", back.toString()).out()).contains(": ok");
    }

    @Test
    void convertWritesEveryWritableFormatAndRefusesTheOthersClearly() throws Exception {
        for (String ext : List.of(".xml", ".xer", ".pmxml", ".csv", ".xlsx", ".ics", ".json", ".plan.yaml")) {
            Path out = dir.resolve("release" + ext);
            CliTest.Run r = run("convert", RELEASE.toString(), out.toString(), "--quiet");
            assertThat(r.exit()).as(ext + r.err()).isZero();
            assertThat(Files.size(out)).as(ext).isGreaterThan(500);
        }
        for (String ext : List.of(".mpp", ".gan", ".mpx", ".planner", ".sm", ".txt")) {
            Path out = dir.resolve("release" + ext);
            CliTest.Run r = run("convert", RELEASE.toString(), out.toString());
            assertThat(r.exit()).as(ext).isEqualTo(Main.USAGE);
            assertThat(r.err()).as(ext).startsWith("planwright: ").doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
        assertThat(run("convert", RELEASE.toString(), dir.resolve("x.mpp").toString()).err()).contains("write MS Project XML (.xml)");
    }

    @Test
    void badFilesExitWithOneAndNameTheFileWithoutAStackTrace() throws Exception {
        byte[] xer = Files.readAllBytes(SAMPLES.resolve("PredecessorCalendar.xer"));
        Path truncated = Files.write(dir.resolve("cut.xer"), java.util.Arrays.copyOf(xer, xer.length / 2));
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path random = Files.write(dir.resolve("noise.mpp"), noise);
        Path empty = Files.write(dir.resolve("empty.xml"), new byte[0]);
        Path wrong = Files.copy(SAMPLES.resolve("mpp14relations.mpp"), dir.resolve("tasks.csv"));
        for (Path bad : List.of(truncated, random, empty, wrong)) {
            for (String command : List.of("schedule", "validate", "convert")) {
                Path out = dir.resolve("out-" + bad.getFileName() + ".xml");
                CliTest.Run r = command.equals("convert") ? run(command, bad.toString(), out.toString()) : run(command, bad.toString());
                assertThat(r.exit()).as(command + " " + bad).isEqualTo(Main.PLAN_PROBLEMS);
                assertThat(r.out() + r.err()).as(command + " " + bad).contains(bad + ": error: ").doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(out).doesNotExist();
            }
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsAClearProblem() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        for (String[] args : List.of(new String[] {"convert", RELEASE.toString(), blocker.resolve("out.xml").toString()},
                new String[] {"schedule", RELEASE.toString(), "-o", blocker.resolve("out.csv").toString()})) {
            CliTest.Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(Main.PLAN_PROBLEMS);
            assertThat(r.err()).contains("cannot write the file").contains("nothing was written").doesNotContain("internal error");
        }
    }

    @Test
    void aTaskListWithBadCellsNamesRowAndColumn() throws Exception {
        Path csv = Files.writeString(dir.resolve("tasks.csv"), "Name,Duration,Predecessors\nDesign,3d,\nBuild,a week,1\n");
        CliTest.Run r = run("validate", csv.toString());
        assertThat(r.exit()).isEqualTo(Main.PLAN_PROBLEMS);
        assertThat(r.out()).contains(csv + ":3:2: error: row 3, column 'Duration': 'a week' is not a duration");
    }

    @Test
    void conformanceComparesWithMsProjectAndMpxjSideBySide() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("samples"));
        Files.copy(SAMPLES.resolve("mpp14relations.mpp"), folder.resolve("mpp14relations.mpp"));
        Files.copy(SAMPLES.resolve("mspdiduration.xml"), folder.resolve("mspdiduration.xml"));
        CliTest.Run table = run("conformance", folder.toString());
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("mpp14relations.mpp", "early_start", "TOTAL", "planwright", "mpxj")
                .contains("mismatches (MS Project / Planwright / MPXJ")
                .contains("mspdiduration.xml  t1 (Task 1)  late_finish: 2009-04-21T17:00 / 2009-04-23T17:00* / 2009-04-23T17:00*");
        CliTest.Run csv = run("conformance", folder.toString(), "--format", "csv");
        assertThat(csv.out()).startsWith("kind,file,field,compared,planwright_matches,mpxj_matches").contains("\ntotal,,early_start,");
        assertThat(run("conformance", dir.resolve("nowhere").toString()).exit()).isEqualTo(Main.PLAN_PROBLEMS);
        assertThat(run("conformance", Files.createDirectories(dir.resolve("none")).toString()).err()).contains("no MS Project files");
    }

    @Test
    void psplibInstancesSchedule() throws Exception {
        Path sm = Path.of("..", "formats", "src", "test", "resources", "psplib", "j3010_1.sm");
        CliTest.Run r = run("schedule", sm.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Tasks:         32");
    }
}
