package io.planwright.cli;

import io.planwright.formats.plan.PlanFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.Callable;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a new plan file from a template.",
                "Templates: starter (default: a small plan showing every section), erp-rollout, office-relocation, software-release."})
final class InitCommand implements Callable<Integer> {

    enum Template { starter, erp_rollout, office_relocation, software_release }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = "plan.plan.yaml", description = "The file to create (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = {"-t", "--template"}, defaultValue = "starter", converter = TemplateConverter.class,
            description = "starter, erp-rollout, office-relocation or software-release.")
    Template template;

    @Option(names = "--name", description = "The plan's name (starter template).")
    String name;

    @Option(names = "--start", description = {"The plan's start date, YYYY-MM-DD (starter template: default next Monday).",
            "An example template is re-dated: its dates move by the working days between its start and this one."})
    String start;

    @Option(names = {"-f", "--force"}, description = "Replace the file if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(file) && !force) {
            throw CliException.usage(file + " already exists; use --force to replace it");
        }
        String resource = "/templates/" + template.name().replace('_', '-') + ".plan.yaml";
        String text;
        try (InputStream in = InitCommand.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template missing from the build: " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (template == Template.starter) {
            LocalDate day;
            try {
                day = start == null ? LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--start '" + start + "' is not a date such as 2026-03-02");
            }
            text = Starter.fill(text, name == null ? "My implementation plan" : name, day);
        } else if (name != null) {
            throw CliException.usage("--name applies to the starter template only; the examples keep their names (edit plan: name)");
        }
        String moved = "";
        if (template != Template.starter && start != null) {
            LocalDate day;
            try {
                day = LocalDate.parse(start);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--start '" + start + "' is not a date such as 2026-03-02");
            }
            if (Redating.isWeekend(day)) {
                throw CliException.usage("--start " + start + " is a " + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + "; give the first working day of the plan");
            }
            LocalDate from = templateStart(text);
            long days = Redating.workingDaysBetween(from, day);
            text = Redating.shift(text, days);
            moved = " re-dated from " + from + " to " + day + " (" + (days >= 0 ? "+" : "") + days + " working days; the calendars' holidays stay on their dates)";
        }
        PlanFiles.writeAtomically(file, text);
        spec.commandLine().getOut().println("created " + file + " from the " + template.name().replace('_', '-')
                + " template" + moved + "; next: planwright validate " + file + " && planwright schedule " + file);
        if (!moved.isEmpty()) {
            holidaysNote(text).ifPresent(spec.commandLine().getOut()::println);
        }
        return 0;
    }

    /**
     * A re-dated plan that runs past the last year its calendars list holidays for would be scheduled through
     * working days that are none: say which years to add.
     */
    static java.util.Optional<String> holidaysNote(String text) {
        io.planwright.formats.plan.ReadResult r = PlanFiles.check(PlanFiles.parse("plan", text, io.planwright.formats.plan.PlanFormat.YAML));
        if (r.plan() == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<LocalDate> lastHoliday = r.plan().calendars().stream().flatMap(c -> c.exceptions().stream())
                .map(io.planwright.core.model.CalendarException::to).max(LocalDate::compareTo);
        if (lastHoliday.isEmpty()) {
            return java.util.Optional.empty();
        }
        LocalDate finish;
        try {
            finish = io.planwright.core.schedule.PlanScheduler.schedule(r.plan()).finish().toLocalDate();
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
        int lastYear = lastHoliday.get().getYear();
        if (finish.getYear() <= lastYear) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("note: the calendars list holidays up to " + lastYear + " but the plan now runs to " + finish
                + ": add the holidays of " + (finish.getYear() == lastYear + 1 ? Integer.toString(finish.getYear()) : (lastYear + 1) + " to " + finish.getYear())
                + " to its calendars");
    }

    /** The start date of a bundled template (its plan section's start). */
    private static LocalDate templateStart(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^plan:\\s*$[\\s\\S]*?^  start: (\\d{4}-\\d{2}-\\d{2})").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("the template has no plan start");
        }
        return LocalDate.parse(m.group(1));
    }

    static final class TemplateConverter implements picocli.CommandLine.ITypeConverter<Template> {
        @Override
        public Template convert(String value) {
            try {
                return Template.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a template; use starter, erp-rollout, office-relocation or software-release");
            }
        }
    }

    /** Fills the starter template's placeholders with the name and dates relative to the start. */
    static final class Starter {
        static String fill(String text, String name, LocalDate start) {
            String t = text.replace("{{name}}", yamlQuoted(name)).replace("{{start}}", start.toString());
            for (int weeks = 0; weeks <= 52; weeks++) {
                t = t.replace("{{start+" + weeks + "w}}", start.plusWeeks(weeks).toString());
            }
            return t;
        }

        private static String yamlQuoted(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }
}
