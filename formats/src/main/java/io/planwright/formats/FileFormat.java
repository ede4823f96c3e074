package io.planwright.formats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every file format Planwright reads or writes, recognised by extension. */
public enum FileFormat {
    PLAN_YAML("Planwright plan (YAML)", true, true, ".plan.yaml", ".yaml", ".yml"),
    PLAN_JSON("Planwright plan (JSON)", true, true, ".json"),
    MSPDI("MS Project XML", true, true, ".xml"),
    MPP("MS Project .mpp/.mpt", true, false, ".mpp", ".mpt"),
    MPX("MPX (MS Project 98 exchange)", true, false, ".mpx"),
    XER("Primavera P6 XER", true, true, ".xer"),
    PMXML("Primavera P6 XML", true, true, ".pmxml"),
    PLANNER("GNOME Planner", true, false, ".planner"),
    GANTTPROJECT("GanttProject", true, false, ".gan"),
    CSV("task table (CSV)", true, true, ".csv"),
    XLSX("task table (Excel)", true, true, ".xlsx"),
    ICS("iCalendar milestones and deadlines", false, true, ".ics"),
    PSPLIB("PSPLIB RCPSP instance", true, false, ".sm");

    private final String description;
    private final boolean readable;
    private final boolean writable;
    private final List<String> extensions;

    FileFormat(String description, boolean readable, boolean writable, String... extensions) {
        this.description = description;
        this.readable = readable;
        this.writable = writable;
        this.extensions = List.of(extensions);
    }

    public String description() {
        return description;
    }

    public boolean readable() {
        return readable;
    }

    public boolean writable() {
        return writable;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** True for the formats read and written through MPXJ. */
    public boolean viaMpxj() {
        return this == MSPDI || this == MPP || this == MPX || this == XER || this == PMXML || this == PLANNER || this == GANTTPROJECT;
    }

    public static Optional<FileFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FileFormat f : values()) {
            for (String ext : f.extensions) {
                if (name.endsWith(ext) && name.length() > ext.length()) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code .plan.yaml, .json, .xml, ...} for messages. */
    public static String extensions(boolean forReading) {
        List<String> out = new ArrayList<>();
        for (FileFormat f : values()) {
            if (forReading ? f.readable : f.writable) {
                out.addAll(f.extensions);
            }
        }
        return String.join(" ", out);
    }
}
