package io.planwright.formats.plan;

import io.planwright.formats.tree.Location;

import java.util.HashMap;
import java.util.Map;

/**
 * Where the elements of a plan stood in its file, by model path ({@code tasks/design/after/0}).
 * Looking up a path that was not recorded falls back to its nearest recorded parent.
 */
public final class SourceMap {

    private final Map<String, Location> locations = new HashMap<>();

    public void put(String path, Location location) {
        if (location != null) {
            locations.putIfAbsent(path, location);
        }
    }

    public Location locate(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Location l = locations.get(p);
            if (l != null) {
                return l;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return locations.getOrDefault(p, locations.getOrDefault("", Location.START));
            }
            p = p.substring(0, slash);
        }
    }

    public static SourceMap empty() {
        return new SourceMap();
    }
}
