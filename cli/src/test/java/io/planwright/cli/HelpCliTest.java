package io.planwright.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.planwright.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The help a user reads: every command's summary in a command list is a whole sentence. */
class HelpCliTest {

    /** The entries of the "Commands:" list of a help text, each with its wrapped lines joined. */
    static List<String> commandSummaries(String help) {
        List<String> entries = new ArrayList<>();
        boolean inList = false;
        for (String line : help.split("\\R")) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList && line.matches("  \\S.*")) {
                entries.add(line.strip());
            } else if (inList) {
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + " " + line.strip());
            }
        }
        return entries;
    }

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        List<String> summaries = new ArrayList<>(commandSummaries(run("--help").out()));
        assertThat(summaries).hasSizeGreaterThanOrEqualTo(10);
        List<String> bench = commandSummaries(run("bench", "--help").out());
        assertThat(bench).hasSize(5);
        summaries.addAll(bench);
        assertThat(summaries).allSatisfy(s -> assertThat(s).as("the summary in the list of commands").endsWith("."));
    }
}
