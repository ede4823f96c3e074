package io.planwright.core.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work breakdown structure of a plan's task list: parents, children, depth and outline numbers
 * ({@code 1}, {@code 1.2}, {@code 1.2.3}). Tasks whose parent is unknown are treated as top level
 * (validation reports them).
 */
public final class Wbs {

    private final List<Task> tasks;
    private final Map<String, Integer> indexById;
    private final int[] parent;
    private final int[] depth;
    private final String[] outline;
    private final List<List<Integer>> children;

    private Wbs(List<Task> tasks) {
        this.tasks = tasks;
        int n = tasks.size();
        indexById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indexById.putIfAbsent(tasks.get(i).id(), i);
        }
        parent = new int[n];
        depth = new int[n];
        outline = new String[n];
        children = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>(0));
        }
        int[] childCount = new int[n];
        int topCount = 0;
        for (int i = 0; i < n; i++) {
            String pid = tasks.get(i).parentId();
            Integer p = pid == null ? null : indexById.get(pid);
            if (p != null && p != i && isSafeParent(p, i)) {
                parent[i] = p;
                children.get(p).add(i);
                depth[i] = depth[p] + 1;
                outline[i] = outline[p] + "." + (++childCount[p]);
            } else {
                parent[i] = -1;
                depth[i] = 0;
                outline[i] = Integer.toString(++topCount);
            }
        }
    }

    /** A parent must come before its child in WBS order; this also rules out loops of parents. */
    private boolean isSafeParent(int p, int child) {
        return p < child && outline[p] != null;
    }

    /** The last structure built, for the same task list: checking a plan and scheduling it both need it. */
    private static final LastComputed<List<Task>, Wbs> LAST = new LastComputed<>(Wbs::new);

    public static Wbs of(List<Task> tasks) {
        return LAST.get(tasks);
    }

    public static Wbs of(Plan plan) {
        return of(plan.tasks());
    }

    public int size() {
        return tasks.size();
    }

    public Task task(int index) {
        return tasks.get(index);
    }

    public int indexOf(String id) {
        Integer i = indexById.get(id);
        return i == null ? -1 : i;
    }

    public int parent(int index) {
        return parent[index];
    }

    public int depth(int index) {
        return depth[index];
    }

    /** Outline number such as {@code 2.1.3}. */
    public String outlineNumber(int index) {
        return outline[index];
    }

    public List<Integer> children(int index) {
        return List.copyOf(children.get(index));
    }

    public boolean isSummary(int index) {
        return !children.get(index).isEmpty();
    }

    /** True if {@code ancestor} is a (transitive) parent of {@code index}. */
    public boolean isAncestor(int ancestor, int index) {
        for (int p = parent[index]; p >= 0; p = parent[p]) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
