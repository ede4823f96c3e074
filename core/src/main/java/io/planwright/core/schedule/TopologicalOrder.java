package io.planwright.core.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The order in which the forward pass visits a network, and (reversed) the backward pass. Summary
 * tasks appear twice: once as an entry event (their number, before any of their children: the
 * summary's own predecessors bear on every child) and once as an exit event ({@code ~number}, after
 * all children: the summary's dates roll up). Leaves appear once.
 */
public final class TopologicalOrder {

    private final int[] events;
    private final boolean identity;

    private TopologicalOrder(int[] events, boolean identity) {
        this.events = events;
        this.identity = identity;
    }

    /** True when the plan's own task order is a valid order: every link goes forward in the list. */
    public boolean isIdentity() {
        return identity;
    }

    /** The tasks in the order they are first met (summaries at their entry). */
    public int[] sequence() {
        int[] seq = new int[events.length];
        int k = 0;
        for (int e : events) {
            if (e >= 0) {
                seq[k++] = e;
            }
        }
        return k == seq.length ? seq : Arrays.copyOf(seq, k);
    }

    /** The events in forward order; {@code e >= 0} is a leaf or a summary entry, {@code e < 0} the exit of {@code ~e}. */
    public int[] events() {
        return events;
    }

    /**
     * Sorts the network (Kahn's algorithm, ties in WBS order).
     *
     * @throws DependencyCycleException naming the tasks of one cycle, if there is one
     */
    public static TopologicalOrder of(ScheduleNetwork net) {
        int[] inPlanOrder = planOrder(net);
        if (inPlanOrder != null) {
            return new TopologicalOrder(inPlanOrder, true);
        }
        return sorted(net);
    }

    /**
     * Jobs 0..n-1 in an order where every edge {@code {from, to, ...}} points forward, the lowest number
     * first where the edges allow (Kahn's algorithm, as for networks); a loop is refused naming what it
     * stops. For the engines that add jobs of their own (leveling's project start and end).
     */
    public static int[] of(int n, List<int[]> edges, String whatFor) {
        int[] indegree = new int[n];
        int[] outCount = new int[n + 1];
        for (int[] e : edges) {
            outCount[e[0] + 1]++;
            indegree[e[1]]++;
        }
        for (int i = 0; i < n; i++) {
            outCount[i + 1] += outCount[i];
        }
        int[] out = new int[edges.size()];
        int[] fill = Arrays.copyOf(outCount, n);
        for (int[] e : edges) {
            out[fill[e[0]]++] = e[1];
        }
        java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
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
            for (int x = outCount[j]; x < outCount[j + 1]; x++) {
                if (--indegree[out[x]] == 0) {
                    ready.add(out[x]);
                }
            }
        }
        if (k != n) {
            throw new IllegalArgumentException("the links form a cycle; fix them before " + whatFor + " (planwright validate names it)");
        }
        return order;
    }

    /**
     * The plan's order itself, when every link goes forward in it (as in most plans people write):
     * tasks in WBS order, each summary's exit right after its last task. Null when some link goes back.
     */
    private static int[] planOrder(ScheduleNetwork net) {
        int n = net.n;
        int[] end = null;
        if (net.hasSummaries) {
            end = new int[n];
            for (int i = 0; i < n; i++) {
                end[i] = i;
            }
            for (int i = n - 1; i >= 0; i--) {
                int p = net.parent[i];
                if (p >= 0) {
                    if (p >= i) {
                        return null;
                    }
                    end[p] = Math.max(end[p], end[i]);
                }
            }
        }
        int[] pred = net.linkPred;
        for (int s = 0; s < n; s++) {
            for (int k = net.predOffset[s], stop = net.predOffset[s + 1]; k < stop; k++) {
                int p = pred[k];
                if (p >= s || (end != null && end[p] >= s)) {
                    return null;
                }
            }
        }
        if (end == null) {
            int[] events = new int[n];
            for (int i = 0; i < n; i++) {
                events[i] = i;
            }
            return events;
        }
        int summaries = 0;
        for (int i = 0; i < n; i++) {
            if ((net.flags[i] & ScheduleNetwork.SUMMARY) != 0) {
                summaries++;
            }
        }
        int[] events = new int[n + summaries];
        int x = 0;
        for (int i = 0; i < n; i++) {
            events[x++] = i;
            for (int a = net.parent[i]; a >= 0 && end[a] == i; a = net.parent[a]) {
                events[x++] = ~a;
            }
        }
        return events;
    }

    private static TopologicalOrder sorted(ScheduleNetwork net) {
        int n = net.n;
        int nodes = net.hasSummaries ? 2 * n : n;
        // successor lists over nodes: in(i) = i, out(i) = n + i for summaries
        int[] offset = successorOffsets(net, nodes);
        int[] indegree = new int[nodes];
        int[] succ = successors(net, offset, indegree);
        int expected = n;
        int[] queue = new int[nodes];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (indegree[v] == 0) {
                queue[tail++] = v;
            }
        }
        if (net.hasSummaries) {
            for (int v = 0; v < n; v++) {
                if ((net.flags[v] & ScheduleNetwork.SUMMARY) != 0) {
                    expected++;
                    if (indegree[n + v] == 0) {
                        queue[tail++] = n + v;
                    }
                }
            }
        }
        while (head < tail) {
            int v = queue[head++];
            for (int k = offset[v], end = offset[v + 1]; k < end; k++) {
                int w = succ[k];
                if (--indegree[w] == 0) {
                    queue[tail++] = w;
                }
            }
        }
        if (tail < expected) {
            throw new DependencyCycleException(findCycle(net, indegree));
        }
        int[] events = queue;
        if (net.hasSummaries) {
            for (int i = 0; i < tail; i++) {
                if (events[i] >= n) {
                    events[i] = ~(events[i] - n);
                }
            }
        }
        return new TopologicalOrder(tail == events.length ? events : Arrays.copyOf(events, tail), false);
    }

    /** Where each node's successors start in the successor list (a link's, and a summary's in and out nodes' edges). */
    private static int[] successorOffsets(ScheduleNetwork net, int nodes) {
        int n = net.n;
        int[] degree = new int[nodes + 1];
        int[] pred = net.linkPred;
        for (int s = 0; s < n; s++) {
            for (int k = net.predOffset[s], end = net.predOffset[s + 1]; k < end; k++) {
                degree[outNode(net, pred[k]) + 1]++;
            }
        }
        if (net.hasSummaries) {
            for (int c = 0; c < n; c++) {
                int p = net.parent[c];
                if (p >= 0) {
                    degree[p + 1]++;
                    degree[outNode(net, c) + 1]++;
                }
            }
        }
        int[] offset = degree;
        for (int v = 0; v < nodes; v++) {
            offset[v + 1] += offset[v];
        }
        return offset;
    }

    /** The successor list of every node, in the order of {@code offset}; each node's predecessors counted into {@code indegree}. */
    private static int[] successors(ScheduleNetwork net, int[] offset, int[] indegree) {
        int n = net.n;
        int nodes = indegree.length;
        int[] pred = net.linkPred;
        int[] fill = Arrays.copyOf(offset, nodes);
        int[] succ = new int[offset[nodes]];
        for (int s = 0; s < n; s++) {
            for (int k = net.predOffset[s], end = net.predOffset[s + 1]; k < end; k++) {
                succ[fill[outNode(net, pred[k])]++] = s;
                indegree[s]++;
            }
        }
        if (net.hasSummaries) {
            for (int c = 0; c < n; c++) {
                int p = net.parent[c];
                if (p >= 0) {
                    succ[fill[p]++] = c;
                    indegree[c]++;
                    succ[fill[outNode(net, c)]++] = n + p;
                    indegree[n + p]++;
                }
            }
        }
        return succ;
    }

    private static int outNode(ScheduleNetwork net, int task) {
        return (net.flags[task] & ScheduleNetwork.SUMMARY) != 0 ? net.n + task : task;
    }

    /** Walks backward through nodes that were never released; every such node has such a predecessor. */
    private static List<Integer> findCycle(ScheduleNetwork net, int[] indegree) {
        int n = net.n;
        int start = -1;
        for (int v = 0; v < indegree.length && start < 0; v++) {
            if (indegree[v] > 0) {
                start = v;
            }
        }
        int[] seenAt = new int[indegree.length];
        Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int v = start;
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            v = blockedPredecessor(net, indegree, v);
        }
        List<Integer> cycle = new ArrayList<>(walk.subList(seenAt[v], walk.size()));
        Collections.reverse(cycle);
        // nodes to tasks, dropping repeats (a summary's entry and exit are one task)
        List<Integer> tasks = new ArrayList<>();
        for (int node : cycle) {
            int task = node >= n ? node - n : node;
            if (tasks.isEmpty() || tasks.get(tasks.size() - 1) != task) {
                tasks.add(task);
            }
        }
        if (tasks.size() > 1 && tasks.get(0).equals(tasks.get(tasks.size() - 1))) {
            tasks.remove(tasks.size() - 1);
        }
        // start the loop at the task that comes first in the plan, so the message reads naturally
        int first = tasks.indexOf(Collections.min(tasks));
        Collections.rotate(tasks, -first);
        return tasks;
    }

    private static int blockedPredecessor(ScheduleNetwork net, int[] indegree, int node) {
        int n = net.n;
        if (node >= n) {
            // exit of a summary: its children's outs
            for (int c = net.firstChild[node - n]; c >= 0; c = net.nextSibling[c]) {
                int o = outNode(net, c);
                if (indegree[o] > 0) {
                    return o;
                }
            }
        } else {
            for (int k = net.predOffset[node], end = net.predOffset[node + 1]; k < end; k++) {
                int o = outNode(net, net.linkPred[k]);
                if (indegree[o] > 0) {
                    return o;
                }
            }
            int p = net.parent[node];
            if (p >= 0 && indegree[p] > 0) {
                return p;
            }
        }
        throw new IllegalStateException("no blocked predecessor");
    }
}
