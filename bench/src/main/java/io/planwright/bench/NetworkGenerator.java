package io.planwright.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates random networks shaped like large real plans: a portfolio of projects of about a
 * thousand tasks each, numbered project by project as a plan lists them. About two predecessors per
 * task: most within the same project and close by (work packages), some a little further back, and
 * some in another project (cross-project dependencies). Mostly finish-to-start links, with
 * start-to-start, finish-to-finish and start-to-finish ones, lags and leads; a 5x8 calendar with ten
 * public holidays a year. {@code shuffle} numbers the tasks in random order instead: the worst case,
 * where the scheduler must sort the network and every pass jumps through memory.
 */
public final class NetworkGenerator {

    public static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 8, 0);
    static final int PROJECT = 1000;

    private NetworkGenerator() {
    }

    public static GeneratedNetwork generate(int tasks, long seed) {
        return generate(tasks, seed, false);
    }

    public static GeneratedNetwork generate(int tasks, long seed, boolean shuffle) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] duration = new long[tasks];
        int capacity = tasks * 2 + 16;
        int[] pred = new int[capacity];
        int[] succ = new int[capacity];
        byte[] type = new byte[capacity];
        long[] lag = new long[capacity];
        int links = 0;
        for (int i = 0; i < tasks; i++) {
            duration[i] = r.nextInt(20) == 0 ? 0 : 60L * (4 + r.nextInt(77)); // milestones, and 4h to 10d
            int project = i / PROJECT;
            int first = project * PROJECT;
            int inProject = i - first;
            int wanted = r.nextInt(5); // 0..4, about 2 on average
            for (int k = 0; k < wanted; k++) {
                int p;
                int roll = r.nextInt(100);
                if (project > 0 && roll < 8) {
                    // another project, at or before the same stage of it
                    int other = r.nextInt(project);
                    p = other * PROJECT + r.nextInt(inProject + 1);
                } else if (inProject == 0) {
                    continue;
                } else if (roll < 80) {
                    p = i - 1 - r.nextInt(Math.min(inProject, 40));
                } else {
                    p = i - 1 - r.nextInt(Math.min(inProject, 400));
                }
                boolean duplicate = false;
                for (int x = links - 1; x >= 0 && succ[x] == i; x--) {
                    duplicate |= pred[x] == p;
                }
                if (duplicate) {
                    continue;
                }
                if (links == capacity) {
                    capacity *= 2;
                    pred = java.util.Arrays.copyOf(pred, capacity);
                    succ = java.util.Arrays.copyOf(succ, capacity);
                    type = java.util.Arrays.copyOf(type, capacity);
                    lag = java.util.Arrays.copyOf(lag, capacity);
                }
                int t = r.nextInt(100);
                type[links] = (byte) (t < 85 ? 0 : t < 92 ? 1 : t < 97 ? 2 : 3);
                int lagRoll = r.nextInt(10);
                lag[links] = lagRoll < 7 ? 0 : lagRoll < 9 ? 480L * (1 + r.nextInt(3)) : -240L * (1 + r.nextInt(2));
                pred[links] = p;
                succ[links] = i;
                links++;
            }
        }
        if (shuffle) {
            int[] number = new int[tasks];
            for (int i = 0; i < tasks; i++) {
                number[i] = i;
            }
            for (int i = tasks - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = number[i];
                number[i] = number[j];
                number[j] = t;
            }
            long[] shuffled = new long[tasks];
            for (int i = 0; i < tasks; i++) {
                shuffled[number[i]] = duration[i];
            }
            duration = shuffled;
            for (int k = 0; k < links; k++) {
                pred[k] = number[pred[k]];
                succ[k] = number[succ[k]];
            }
        }
        return new GeneratedNetwork(tasks, duration, links, pred, succ, type, lag, START, holidays(START.getYear(), 60));
    }

    /** Ten fixed-date holidays a year, moved off weekends. */
    static List<LocalDate> holidays(int firstYear, int years) {
        int[][] days = {{1, 1}, {1, 6}, {5, 1}, {5, 28}, {7, 4}, {8, 15}, {10, 3}, {11, 1}, {12, 25}, {12, 26}};
        List<LocalDate> out = new ArrayList<>();
        for (int y = firstYear; y < firstYear + years; y++) {
            for (int[] d : days) {
                LocalDate date = LocalDate.of(y, d[0], d[1]);
                while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY || out.contains(date)) {
                    date = date.plusDays(1);
                }
                out.add(date);
            }
        }
        return out;
    }
}
