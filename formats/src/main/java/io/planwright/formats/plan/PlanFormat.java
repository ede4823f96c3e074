package io.planwright.formats.plan;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two spellings of the plan file. */
public enum PlanFormat {
    YAML,
    JSON;

    /** By extension: {@code .yaml}, {@code .yml} (including {@code .plan.yaml}) or {@code .json}. */
    public static Optional<PlanFormat> of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Optional.of(YAML);
        }
        if (name.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
