package io.planwright.formats;

import io.planwright.formats.plan.ReadResult;
import io.planwright.formats.plan.LocatedProblem;
import io.planwright.formats.plan.PlanFileReader;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of broken files (real files cut short, random bytes, empty files, files under the wrong
 * extension, a password-protected workbook), every one of them answered with one clear error that names
 * the file, and never with an exception or a partial plan.
 */
class BadInputCorpusTest {

    static final Path SAMPLES = Path.of("..", "testdata", "msproject-samples");

    @TempDir
    Path dir;

    /** One real file of each format read through MPXJ, and the plan formats. */
    static List<Path> originals() {
        return List.of(SAMPLES.resolve("mpp14relations.mpp"), SAMPLES.resolve("legacy/sample98.mpp"), SAMPLES.resolve("legacy/sample.mpx"),
                SAMPLES.resolve("mspdirelations.xml"), SAMPLES.resolve("PredecessorCalendar.xer"),
                SAMPLES.resolve("generated/task-percentcomplete/percent-complete-8.4.pmxml"), SAMPLES.resolve("planner-sample.planner"),
                SAMPLES.resolve("PredecessorCalendar.xml"));
    }

    @Test
    void truncatedCopiesOfRealFilesAreRefused() throws Exception {
        List<String> report = new ArrayList<>();
        for (Path original : originals()) {
            byte[] bytes = Files.readAllBytes(original);
            for (double share : new double[] {0.02, 0.3, 0.6, 0.97}) {
                int length = (int) (bytes.length * share);
                Path cut = dir.resolve("cut-" + (int) (share * 100) + "-" + original.getFileName());
                Files.write(cut, java.util.Arrays.copyOf(bytes, length));
                ReadResult r = PlanIO.readAndCheck(cut);
                assertRefused(cut, r);
                report.add(r.problems().get(0).format());
            }
        }
        assertThat(report).hasSize(originals().size() * 4);
    }

    /**
     * A plan file is text a person edits: cut at the end of a line it is a valid, shorter plan, which
     * no reader can tell apart. Planwright itself never leaves one cut short (it writes through a
     * temporary file and an atomic move); one cut inside its structure is refused with the reason.
     */
    @Test
    void aPlanFileCutInsideItsStructureGetsErrors() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("..", "examples", "software-release.plan.yaml"));
        Path cut = Files.write(dir.resolve("cut.plan.yaml"), java.util.Arrays.copyOf(bytes, bytes.length / 50));
        assertRefused(cut, PlanIO.readAndCheck(cut));
    }

    @Test
    void randomBytesAndEmptyFilesUnderEveryExtensionAreRefused() throws Exception {
        Random random = new Random(42);
        for (FileFormat format : FileFormat.values()) {
            for (String ext : format.extensions()) {
                byte[] noise = new byte[2048];
                random.nextBytes(noise);
                Path junk = Files.write(dir.resolve("noise" + ext), noise);
                assertRefused(junk, PlanIO.readAndCheck(junk));
                Path empty = Files.write(dir.resolve("empty" + ext), new byte[0]);
                ReadResult r = PlanIO.readAndCheck(empty);
                assertRefused(empty, r);
                if (format.readable()) {
                    assertThat(r.problems().get(0).problem().message()).as(ext).contains("empty");
                }
            }
        }
    }

    @Test
    void filesUnderTheWrongExtensionAreReadForWhatTheyAreOrRefused() throws Exception {
        // another tool's file named as another: read by its content, the same as under its own name
        Path mppAsXml = Files.copy(SAMPLES.resolve("mpp14relations.mpp"), dir.resolve("relations.xml"));
        assertThat(PlanIO.readAndCheck(mppAsXml).plan().tasks()).hasSameSizeAs(PlanIO.readAndCheck(SAMPLES.resolve("mpp14relations.mpp")).plan().tasks());
        // text that is no project at all, or a project where a plan file is expected: refused
        Path yamlAsMpp = Files.copy(Path.of("..", "examples", "software-release.plan.yaml"), dir.resolve("release.mpp"));
        assertRefused(yamlAsMpp, PlanIO.readAndCheck(yamlAsMpp));
        Path xerAsYaml = Files.copy(SAMPLES.resolve("PredecessorCalendar.xer"), dir.resolve("calendar.plan.yaml"));
        assertRefused(xerAsYaml, PlanIO.readAndCheck(xerAsYaml));
        Path mppAsCsv = Files.copy(SAMPLES.resolve("mpp14relations.mpp"), dir.resolve("relations.csv"));
        assertRefused(mppAsCsv, PlanIO.readAndCheck(mppAsCsv));
        Path mppAsXlsx = Files.copy(SAMPLES.resolve("mpp14relations.mpp"), dir.resolve("relations.xlsx"));
        assertRefused(mppAsXlsx, PlanIO.readAndCheck(mppAsXlsx));
        Path mppAsSm = Files.copy(SAMPLES.resolve("mpp14relations.mpp"), dir.resolve("relations.sm"));
        assertRefused(mppAsSm, PlanIO.readAndCheck(mppAsSm));
        Path unknown = Files.writeString(dir.resolve("plan.txt"), "tasks: none\n");
        ReadResult r = PlanIO.readAndCheck(unknown);
        assertRefused(unknown, r);
        assertThat(r.problems().get(0).problem().message()).contains("cannot tell the format").contains(".mpp").contains(".xer");
        Path ics = Files.writeString(dir.resolve("feed.ics"), "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        assertThat(PlanIO.readAndCheck(ics).problems().get(0).problem().message()).contains("written, not read");
    }

    @Test
    void aPasswordProtectedWorkbookIsNamedAsSuch() throws Exception {
        Path plain = dir.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            wb.createSheet("Tasks").createRow(0).createCell(0).setCellValue("Name");
            wb.write(out);
        }
        Path locked = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                Files.copy(plain, os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        ReadResult r = PlanIO.readAndCheck(locked);
        assertRefused(locked, r);
        assertThat(r.problems().get(0).problem().message()).contains("password-protected");
    }

    static void assertRefused(Path file, ReadResult r) {
        List<LocatedProblem> errors = r.problems().stream().filter(LocatedProblem::isError).toList();
        if (FileFormat.of(file).filter(f -> f == FileFormat.PLAN_YAML || f == FileFormat.PLAN_JSON).isEmpty()) {
            assertThat(r.plan()).as(file + " should be refused, but was read: " + r.problems()).isNull();
        }
        assertThat(errors).as(file.toString()).isNotEmpty();
        String message = errors.get(0).format();
        assertThat(message).as(file.toString()).startsWith(file.toString()).contains("error: ");
        assertThat(message).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("null");
    }
}
