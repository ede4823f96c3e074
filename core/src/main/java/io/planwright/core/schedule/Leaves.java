package io.planwright.core.schedule;

import io.planwright.core.calendar.WorkingTime;
import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Helpers for the engines that work on the tasks that do the work (leveling, risk analysis): a
 * summary's leaves, an order of jobs in which every edge points forward, and the plan's calendar as
 * the scheduler compiles it.
 */
public final class Leaves {

    private Leaves() {
    }

    /** A plan's tasks by id, each summary's children, and the tasks that do the work (in plan order, those the schedule has). */
    public record Tree(Map<String, Task> byId, Map<String, List<String>> children, List<String> leaves) {

        public static Tree of(Plan plan, java.util.function.Predicate<String> scheduled) {
            Map<String, Task> byId = new LinkedHashMap<>();
            Map<String, List<String>> children = new java.util.HashMap<>();
            for (Task t : plan.tasks()) {
                byId.put(t.id(), t);
                if (t.parentId() != null) {
                    children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
                }
            }
            List<String> leaves = new ArrayList<>();
            for (Task t : plan.tasks()) {
                if (!children.containsKey(t.id()) && scheduled.test(t.id())) {
                    leaves.add(t.id());
                }
            }
            return new Tree(byId, children, leaves);
        }

        /**
         * Every link between tasks that do the work, a summary's links standing for links of all the tasks
         * under it: {@code each} hears the predecessor, the successor and the link.
         */
        public void forEachLeafLink(Plan plan, java.util.function.Predicate<String> keep, LeafLink each) {
            for (Task t : plan.tasks()) {
                for (Link l : t.links()) {
                    if (!byId.containsKey(l.predecessorId())) {
                        continue;
                    }
                    for (String p : Leaves.of(l.predecessorId(), children)) {
                        for (String s : Leaves.of(t.id(), children)) {
                            if (keep.test(p) && keep.test(s)) {
                                each.accept(p, s, l);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A link between two tasks that do the work. */
    public interface LeafLink {
        void accept(String predecessor, String successor, Link link);
    }

    /** The tasks under {@code id} that have none under them (or {@code id} itself), given each task's children. */
    public static List<String> of(String id, Map<String, List<String>> children) {
        List<String> out = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String t = todo.pop();
            List<String> c = children.get(t);
            if (c == null) {
                out.add(t);
            } else {
                c.forEach(todo::push);
            }
        }
        return out;
    }

    /**
     * Jobs 0..n-1 in an order where every edge {@code {from, to, ...}} points forward, the lowest number
     * first where edges allow; a cycle is refused with {@code what} to do.
     */
    public static int[] topological(int n, List<int[]> edges, String whatFor) {
        int[] indegree = new int[n];
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (int[] e : edges) {
            out.get(e[0]).add(e[1]);
            indegree[e[1]]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int j = ready.poll();
            order[k++] = j;
            for (int s : out.get(j)) {
                if (--indegree[s] == 0) {
                    ready.add(s);
                }
            }
        }
        if (k != n) {
            throw new IllegalArgumentException("the links form a cycle; fix them before " + whatFor + " (planwright validate names it)");
        }
        return Arrays.copyOf(order, n);
    }

    /** The plan's calendar, as the scheduler compiles it. */
    public static WorkingTime planCalendar(Plan plan) {
        return calendar(plan, plan.effectiveCalendarId());
    }

    /** One of the plan's calendars by id (the standard week when the plan has none of that id), as the scheduler compiles it. */
    public static WorkingTime calendar(Plan plan, String id) {
        Map<String, WorkCalendar> byId = new LinkedHashMap<>();
        for (WorkCalendar c : plan.calendars()) {
            byId.putIfAbsent(c.id(), c);
        }
        WorkCalendar c = byId.getOrDefault(id, WorkCalendar.standard(id));
        byId.putIfAbsent(id, c);
        LocalDate anchor = plan.start() != null ? plan.start().toLocalDate()
                : plan.finish() != null ? plan.finish().toLocalDate() : LocalDate.of(2000, 1, 3);
        return WorkingTime.compile(c, byId, anchor);
    }
}
