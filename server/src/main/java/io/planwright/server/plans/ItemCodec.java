package io.planwright.server.plans;

import io.planwright.core.model.Plan;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans to rows and back: the settings as one item of kind {@code plan}, every entry of every collection
 * as one item, each the JSON of its record (in the plan file's notation, see ModelJson).
 */
@Component
public class ItemCodec {

    /** The kind and id of the item holding a plan's settings and charter. */
    public static final String SETTINGS_KIND = "plan";
    public static final String SETTINGS_ID = "settings";

    /** A stored row. */
    public record Item(String kind, String itemId, long position, String data) {
    }

    /** Positions are spaced so that an entry can be put between two others without moving them. */
    static final long GAP = 1024;

    private final ObjectMapper json;

    public ItemCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    /**
     * An entry as stored. Leniently: rows written by an earlier version may hold fields the model no longer
     * has (such as helper values written before they were left out); the API itself refuses unknown fields.
     */
    public <T> T read(String data, Class<T> type) {
        return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
    }

    /** A stored row's JSON as a tree. */
    public tools.jackson.databind.JsonNode tree(String data) {
        return json.readTree(data);
    }

    /** Every row of a plan, with fresh positions. */
    public List<Item> items(Plan plan) {
        List<Item> out = new ArrayList<>();
        out.add(new Item(SETTINGS_KIND, SETTINGS_ID, 0, write(PlanSettings.of(plan))));
        for (Section<?> s : Section.ALL) {
            List<?> entries = s.list().apply(plan);
            for (int i = 0; i < entries.size(); i++) {
                Object e = entries.get(i);
                out.add(new Item(s.kind(), s.idOf(e), (i + 1) * GAP, write(e)));
            }
        }
        return out;
    }

    /** The plan the rows make, and the positions of its entries; rows of each kind in position order. */
    public PlanState plan(long planId, long revision, List<Item> rows) {
        PlanSettings settings = null;
        Map<String, List<Object>> entries = new HashMap<>();
        Map<String, Map<String, Long>> positions = new HashMap<>();
        for (Item row : rows) {
            if (row.kind().equals(SETTINGS_KIND)) {
                settings = read(row.data(), PlanSettings.class);
                continue;
            }
            Section<?> s = Section.byKind(row.kind()).orElse(null);
            if (s == null) {
                continue;
            }
            entries.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(read(row.data(), s.type()));
            positions.computeIfAbsent(s.kind(), k -> new LinkedHashMap<>()).put(row.itemId(), row.position());
        }
        if (settings == null) {
            throw new IllegalStateException("plan " + planId + " has no settings row");
        }
        Plan.Builder b = settings.applyTo(Plan.builder(settings.name()));
        for (Section<?> s : Section.ALL) {
            replace(b, s, entries.getOrDefault(s.kind(), List.of()));
        }
        return new PlanState(planId, revision, b.build(), positions);
    }

    @SuppressWarnings("unchecked")
    static <T> void replace(Plan.Builder b, Section<T> s, List<Object> entries) {
        s.replace().apply(b, (List<T>) (List<?>) entries);
    }
}
