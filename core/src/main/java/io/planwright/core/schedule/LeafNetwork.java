package io.planwright.core.schedule;

import io.planwright.core.model.Link;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The tasks that do the work and the links between them: the network the engines that move work
 * around (leveling, risk analysis) compute on. A summary task's links stand for links of every task
 * under it. Leaves are numbered in plan (WBS) order.
 */
public final class LeafNetwork {

    /** A link between two tasks that do the work, by their numbers, with the plan's link (type and lag). */
    public record LeafLink(int predecessor, int successor, Link link) {
    }

    private final Map<String, Task> byId;
    private final Map<String, List<String>> children;
    private final List<String> leaves;
    private final Map<String, Integer> index;
    private final List<LeafLink> links;

    private LeafNetwork(Map<String, Task> byId, Map<String, List<String>> children, List<String> leaves, List<LeafLink> links) {
        this.byId = Collections.unmodifiableMap(byId);
        this.children = Collections.unmodifiableMap(children);
        this.leaves = List.copyOf(leaves);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            idx.put(leaves.get(i), i);
        }
        this.index = Collections.unmodifiableMap(idx);
        this.links = List.copyOf(links);
    }

    /** The plan's leaves that {@code scheduled} accepts (those a schedule has), and the links between them. */
    public static LeafNetwork of(Plan plan, Predicate<String> scheduled) {
        Map<String, Task> byId = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (Task t : plan.tasks()) {
            byId.put(t.id(), t);
            if (t.parentId() != null) {
                children.computeIfAbsent(t.parentId(), k -> new ArrayList<>()).add(t.id());
            }
        }
        List<String> leaves = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Task t : plan.tasks()) {
            if (!children.containsKey(t.id()) && scheduled.test(t.id())) {
                index.put(t.id(), leaves.size());
                leaves.add(t.id());
            }
        }
        List<LeafLink> links = new ArrayList<>();
        for (Task t : plan.tasks()) {
            for (Link l : t.links()) {
                if (!byId.containsKey(l.predecessorId())) {
                    continue;
                }
                for (String p : under(l.predecessorId(), children)) {
                    for (String s : under(t.id(), children)) {
                        Integer pi = index.get(p);
                        Integer si = index.get(s);
                        if (pi != null && si != null) {
                            links.add(new LeafLink(pi, si, l));
                        }
                    }
                }
            }
        }
        return new LeafNetwork(byId, children, leaves, links);
    }

    /** For a plan and its schedule: the leaves the schedule has. */
    public static LeafNetwork of(Plan plan, PlanSchedule schedule) {
        return of(plan, id -> schedule.task(id).isPresent());
    }

    /** The tasks that do the work, in plan order. */
    public List<String> leaves() {
        return leaves;
    }

    public int size() {
        return leaves.size();
    }

    /** A leaf's number, or -1 for a summary or a task the network does not hold. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    public String id(int leaf) {
        return leaves.get(leaf);
    }

    public Task task(String id) {
        return byId.get(id);
    }

    /** The plan's tasks by id, summaries included. */
    public Map<String, Task> tasks() {
        return byId;
    }

    /** Each summary's children. */
    public Map<String, List<String>> children() {
        return children;
    }

    public boolean isSummary(String id) {
        return children.containsKey(id);
    }

    /** Every link between leaves, summary links spread to the tasks under them. */
    public List<LeafLink> links() {
        return links;
    }

    /** Whether a leaf has a predecessor in the network (else it starts at the project start). */
    public boolean[] hasPredecessor() {
        boolean[] has = new boolean[leaves.size()];
        for (LeafLink l : links) {
            has[l.successor()] = true;
        }
        return has;
    }

    /**
     * The leaves in an order where every link points forward, the lowest number (plan order) first where
     * the links allow; a loop is refused with what it stops ({@code whatFor}).
     */
    public int[] order(String whatFor) {
        List<int[]> edges = new ArrayList<>(links.size());
        for (LeafLink l : links) {
            edges.add(new int[] {l.predecessor(), l.successor()});
        }
        return TopologicalOrder.of(leaves.size(), edges, whatFor);
    }

    /** The tasks under {@code id} that have none under them (or {@code id} itself). */
    public List<String> leavesUnder(String id) {
        return under(id, children);
    }

    private static List<String> under(String id, Map<String, List<String>> children) {
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
}
