package io.planwright.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A random activity network, held as plain arrays so that Planwright and its competitors are fed
 * exactly the same tasks, links and calendar. Durations and lags are in working minutes of a
 * Monday-to-Friday 08:00-12:00, 13:00-17:00 calendar with the given holidays.
 *
 * @param linkType 0 FS, 1 SS, 2 FF, 3 SF
 */
public record GeneratedNetwork(int tasks, long[] duration, int links, int[] linkPred, int[] linkSucc, byte[] linkType,
                               long[] linkLag, LocalDateTime start, List<LocalDate> holidays) {
}
