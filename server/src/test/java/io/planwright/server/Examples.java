package io.planwright.server;

import io.planwright.core.model.Plan;
import io.planwright.formats.plan.PlanFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's example plans, for tests. */
public final class Examples {

    private Examples() {
    }

    public static List<Plan> plans() throws IOException {
        List<Plan> plans = new ArrayList<>();
        try (var files = Files.list(Path.of("../examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".plan.yaml")).sorted().toList()) {
                plans.add(PlanFiles.parse(f.getFileName().toString(), Files.readString(f), null).plan());
            }
        }
        return plans;
    }
}
