package io.planwright.formats.exchange;

import io.planwright.formats.plan.ReadResult;
import io.planwright.core.model.Plan;
import io.planwright.formats.FileFormat;
import io.planwright.formats.PlanIO;
import io.planwright.formats.plan.PlanFileReader;
import io.planwright.formats.plan.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpxj.ProjectFile;
import org.mpxj.reader.UniversalProjectReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming MSPDI reader gives exactly the plan MPXJ's reader gives, on every MS Project XML file it
 * accepts: the samples saved by MS Project and every sample and example written back as MSPDI.
 */
class MspdiFastReaderTest {

    static final Path SAMPLES = Path.of("..", "testdata", "msproject-samples");

    @TempDir
    Path dir;

    @Test
    void samePlanAsMpxjOnEveryFileItAccepts() throws Exception {
        List<Path> xml = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SAMPLES)) {
            s.filter(Files::isRegularFile).filter(p -> FileFormat.of(p).filter(FileFormat::readable).isPresent()).sorted().forEach(sources::add);
        }
        try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
            s.filter(p -> p.toString().endsWith(".plan.yaml")).sorted().forEach(sources::add);
        }
        for (Path source : sources) {
            if (source.toString().endsWith(".xml")) {
                xml.add(source);
            }
            ReadResult r = PlanIO.readAndCheck(source);
            Path out = dir.resolve(xml.size() + "-" + source.getFileName() + ".xml");
            PlanIO.write(r.plan(), out, Instant.now());
            xml.add(out);
        }
        int accepted = 0;
        for (Path file : xml) {
            ProjectFile fast = MspdiFastReader.read(file);
            if (fast == null) {
                continue; // timephased data, recurring tasks, subprojects...: MPXJ reads it
            }
            accepted++;
            Plan ours = MpxjImporter.read(fast, "x").plan();
            Plan theirs = MpxjImporter.read(new UniversalProjectReader().read(file.toFile()), "x").plan();
            if (!ours.equals(theirs)) {
                assertThat(PlanFiles.toYaml(ours)).as(file.toString()).isEqualTo(PlanFiles.toYaml(theirs));
                assertThat(ours).as(file.toString()).isEqualTo(theirs);
            }
        }
        assertThat(accepted).isGreaterThan(55);
    }

    @Test
    void splitTasksAreFoundInTheTimephasedWorkAndOtherFormatsAreDeclined() {
        ProjectFile split = MspdiFastReader.read(SAMPLES.resolve("mspdisplittask.xml"));
        assertThat(split).isNotNull();
        Plan plan = MpxjImporter.read(split, "x").plan();
        assertThat(plan.tasks()).allSatisfy(t -> assertThat(t.splits()).as(t.id()).isNotEmpty());
        assertThat(MspdiFastReader.read(SAMPLES.resolve("PredecessorCalendar.xml"))).isNull(); // Primavera P6 XML
        assertThat(MspdiFastReader.read(SAMPLES.resolve("mpp14relations.mpp"))).isNull(); // not XML at all
    }

    @Test
    void isoDurations() {
        assertThat(MspdiFastReader.minutes("PT8H0M0S")).isEqualTo(480.0);
        assertThat(MspdiFastReader.minutes("PT0H30M30S")).isEqualTo(30.5);
        assertThat(MspdiFastReader.minutes("P2DT4H0M0S")).isEqualTo(2 * 1440 + 240.0);
        assertThat(MspdiFastReader.minutes("-PT16H0M0S")).isEqualTo(-960.0);
        assertThat(MspdiFastReader.minutes("")).isNull();
    }
}
