package io.planwright.formats.schedule;

import io.planwright.core.schedule.PlanSchedule;
import io.planwright.formats.tree.JsonEmitter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A schedule written once as compact JSON (the fields of {@link ScheduleJson}), knowing where each
 * task's row lies in it: a server answers both "the whole schedule" and "what changed since" from the
 * same bytes, copying rows instead of writing them again.
 */
public final class CompactSchedule {

    private final PlanSchedule schedule;
    private final byte[] json;
    private final int[] rowStart;
    private final int[] rowEnd;
    private final ScheduleDigest digest;

    private CompactSchedule(PlanSchedule schedule, byte[] json, int[] rowStart, int[] rowEnd, ScheduleDigest digest) {
        this.schedule = schedule;
        this.json = json;
        this.rowStart = rowStart;
        this.rowEnd = rowEnd;
        this.digest = digest;
    }

    public static CompactSchedule of(PlanSchedule s) {
        return of(s, ScheduleDigest.of(s));
    }

    /** With the schedule's digest, when it is at hand. */
    public static CompactSchedule of(PlanSchedule s, ScheduleDigest digest) {
        // the REST API's face: camelCase keys (the CLI's schedule JSON is snake_case)
        String head = JsonEmitter.compact(ScheduleJson.renamed(ScheduleJson.tree(s, List.of(), false), ScheduleJson::camel));
        if (!head.endsWith("[]}")) {
            throw new IllegalStateException("the schedule document must end with its tasks");
        }
        Bytes out = new Bytes(Math.max(1024, s.tasks().size() * 420));
        out.write(head.substring(0, head.length() - 2));
        int n = s.tasks().size();
        int[] start = new int[n];
        int[] end = new int[n];
        StringBuilder row = new StringBuilder(512);
        ScheduleProgress progress = ScheduleProgress.of(s);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write(',');
            }
            row.setLength(0);
            ScheduleJson.compactRow(s.tasks().get(i), progress.row(i), row, ScheduleJson::camel);
            start[i] = out.size();
            out.write(row.toString());
            end[i] = out.size();
        }
        out.write("]}");
        return new CompactSchedule(s, out.toByteArray(), start, end, digest);
    }

    /** The whole schedule; the caller must not change the array. */
    public byte[] json() {
        return json;
    }

    /** The whole schedule with {@code leading} members (such as {@code "revision":5,}, ending with a comma) first. */
    public byte[] json(String leading) {
        byte[] head = ("{" + leading).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length - 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 1, out, head.length, json.length - 1);
        return out;
    }

    public ScheduleDigest digest() {
        return digest;
    }

    /**
     * What changed since the schedule {@code before} describes: {@code {<leading>, start, finish,
     * taskCount, criticalTaskCount, criticalPath, tasks: [rows new or different], removed: [ids]}}.
     * {@code leading} is a run of members such as {@code "revision":5,} (ending with a comma) or empty.
     */
    public byte[] changesSince(ScheduleDigest before, String leading) {
        // the API's face, as the whole schedule: camelCase (criticalTaskCount, not critical_task_count)
        String summary = JsonEmitter.compact(ScheduleJson.renamed(ScheduleJson.summary(schedule), ScheduleJson::camel));
        Bytes out = new Bytes(4096);
        out.write('{');
        out.write(leading);
        out.write(summary.substring(1, summary.length() - 1));
        out.write(",\"tasks\":[");
        boolean first = true;
        Map<String, Integer> beforeAt = null; // only when the rows moved
        for (int i = 0; i < rowStart.length; i++) {
            String id = digest.id(i);
            boolean same;
            if (i < before.size() && before.id(i).equals(id)) {
                same = before.print(i) == digest.print(i);
            } else {
                if (beforeAt == null) {
                    beforeAt = before.positions();
                }
                Integer at = beforeAt.get(id);
                same = at != null && before.print(at) == digest.print(i);
            }
            if (!same) {
                if (!first) {
                    out.write(',');
                }
                out.write(json, rowStart[i], rowEnd[i] - rowStart[i]);
                first = false;
            }
        }
        out.write("],\"removed\":[");
        List<String> removed = new ArrayList<>();
        Map<String, Integer> nowAt = null;
        for (int i = 0; i < before.size(); i++) {
            String id = before.id(i);
            if (i < digest.size() && digest.id(i).equals(id)) {
                continue;
            }
            if (nowAt == null) {
                nowAt = digest.positions();
            }
            if (!nowAt.containsKey(id)) {
                removed.add(id);
            }
        }
        Collections.sort(removed);
        for (int i = 0; i < removed.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(JsonEmitter.string(removed.get(i)));
        }
        out.write("]}");
        return out.toByteArray();
    }

    /** A byte buffer that takes text as UTF-8. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        void write(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            write(b, 0, b.length);
        }
    }
}
