package io.planwright.core.schedule;

import io.planwright.core.model.CalendarException;
import io.planwright.core.model.TimeRange;
import io.planwright.core.model.WorkCalendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The obviously-correct reference for the property tests: the same scheduling rules, with a
 * calendar that walks minute by minute and passes that recurse over predecessors and successors
 * (memoised), with none of the engine's tables, sorting or arrays.
 */
final class ReferenceScheduler {

    static final class Cal {
        final WorkCalendar calendar;
        final Map<Long, boolean[]> days = new HashMap<>();

        Cal(WorkCalendar calendar) {
            this.calendar = calendar;
        }

        boolean working(long t) {
            long day = Math.floorDiv(t, 1440);
            boolean[] minutes = days.computeIfAbsent(day, d -> {
                LocalDate date = LocalDate.ofEpochDay(d);
                List<TimeRange> hours = null;
                for (CalendarException e : calendar.exceptions()) {
                    if (e.covers(date)) {
                        hours = e.hours();
                        break;
                    }
                }
                if (hours == null) {
                    hours = calendar.week().getOrDefault(date.getDayOfWeek(), List.of());
                }
                boolean[] w = new boolean[1440];
                for (TimeRange r : hours) {
                    for (int m = r.from(); m < r.to(); m++) {
                        w[m] = true;
                    }
                }
                return w;
            });
            return minutes[(int) (t - day * 1440)];
        }

        long addWork(long t, long d) {
            long m = t;
            if (d > 0) {
                long left = d;
                while (left > 0) {
                    if (working(m)) {
                        left--;
                    }
                    m++;
                }
            } else if (d < 0) {
                long left = -d;
                while (left > 0) {
                    m--;
                    if (working(m)) {
                        left--;
                    }
                }
            }
            return m;
        }

        long nextWorkStart(long t) {
            while (!working(t)) {
                t++;
            }
            return t;
        }

        long previousWorkFinish(long t) {
            while (!working(t - 1)) {
                t--;
            }
            return t;
        }

        long work(long from, long to) {
            long count = 0;
            if (from <= to) {
                for (long m = from; m < to; m++) {
                    count += working(m) ? 1 : 0;
                }
            } else {
                for (long m = to; m < from; m++) {
                    count -= working(m) ? 1 : 0;
                }
            }
            return count;
        }
    }

    record Link(int pred, int type, long lag, int kind) {
    }

    record TaskSpec(long duration, boolean elapsed, boolean milestone, int cal, int constraint, long cdate, long deadline,
                    List<Link> preds) {
    }

    final List<TaskSpec> tasks;
    final Cal[] cals;
    final long projectStart;
    long projectFinish;
    final Long[] es;
    final Long[] ef;
    final Long[] ls;
    final Long[] lf;
    final Map<Integer, List<int[]>> successors = new HashMap<>();

    ReferenceScheduler(List<TaskSpec> tasks, List<WorkCalendar> calendars, long projectStart) {
        this.tasks = tasks;
        this.cals = calendars.stream().map(Cal::new).toArray(Cal[]::new);
        this.projectStart = projectStart;
        int n = tasks.size();
        es = new Long[n];
        ef = new Long[n];
        ls = new Long[n];
        lf = new Long[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < tasks.get(i).preds().size(); k++) {
                successors.computeIfAbsent(tasks.get(i).preds().get(k).pred(), x -> new java.util.ArrayList<>()).add(new int[] {i, k});
            }
        }
    }

    void run() {
        long finish = Long.MIN_VALUE;
        for (int i = 0; i < tasks.size(); i++) {
            forward(i);
            finish = Math.max(finish, ef[i]);
        }
        projectFinish = finish;
        for (int i = 0; i < tasks.size(); i++) {
            backward(i);
        }
    }

    Cal cal(int i) {
        return cals[tasks.get(i).cal()];
    }

    boolean milestone(int i) {
        return tasks.get(i).milestone() || tasks.get(i).duration() == 0;
    }

    long finishFromStart(int i, long s) {
        TaskSpec t = tasks.get(i);
        return t.elapsed() ? s + t.duration() : cal(i).addWork(s, t.duration());
    }

    long startFromFinish(int i, long f) {
        TaskSpec t = tasks.get(i);
        return t.elapsed() ? f - t.duration() : cal(i).addWork(f, -t.duration());
    }

    long nextWorkStart(int i, long t) {
        Cal c = cal(i);
        long next = c.nextWorkStart(t);
        if (next > t && milestone(i) && c.previousWorkFinish(t) == t) {
            return t;
        }
        return next;
    }

    long previousWorkFinish(int i, long t) {
        return tasks.get(i).elapsed() ? t : cal(i).previousWorkFinish(t);
    }

    long lag(Link l) {
        if (l.kind() == 2) {
            return Math.round(tasks.get(l.pred()).duration() * (double) l.lag() / 10000.0);
        }
        return l.lag();
    }

    boolean lagElapsed(Link l) {
        return l.kind() == 1 || (l.kind() == 2 && tasks.get(l.pred()).elapsed());
    }

    long addLag(Link l, int succ, long t) {
        long lag = lag(l);
        if (lag == 0) {
            return t;
        }
        return lagElapsed(l) ? t + lag : cal(succ).addWork(t, lag);
    }

    long removeLag(Link l, int succ, long t) {
        long lag = lag(l);
        if (lag == 0) {
            return t;
        }
        return lagElapsed(l) ? t - lag : cal(succ).addWork(t, -lag);
    }

    long candidate(Link l, int i) {
        int p = l.pred();
        forward(p);
        return switch (l.type()) {
            case 0 -> addLag(l, i, ef[p]);
            case 1 -> addLag(l, i, es[p]);
            case 2 -> Math.max(addLag(l, i, startFromFinish(i, ef[p])), projectStart);
            default -> addLag(l, i, startFromFinish(i, es[p]));
        };
    }

    void forward(int i) {
        if (es[i] != null) {
            return;
        }
        TaskSpec t = tasks.get(i);
        long start;
        Long finish = null;
        Link driving = null;
        if (t.preds().isEmpty()) {
            if (t.constraint() == 2) { // SNET
                start = t.cdate();
            } else if (t.constraint() == 4) { // FNET
                finish = previousWorkFinish(i, t.cdate());
                start = startFromFinish(i, finish);
            } else {
                start = projectStart;
            }
        } else {
            start = Long.MIN_VALUE;
            for (Link l : t.preds()) {
                long cand = candidate(l, i);
                if (cand > start) {
                    start = cand;
                    driving = l;
                }
            }
        }
        start = nextWorkStart(i, start);
        long unconstrained = start;
        long c = t.cdate();
        switch (t.constraint()) {
            case 2 -> { if (start < c) start = nextWorkStart(i, c); }
            case 5 -> start = Math.min(start, startFromFinish(i, previousWorkFinish(i, c)));
            case 4 -> start = Math.max(start, startFromFinish(i, previousWorkFinish(i, c)));
            case 3 -> { if (start > c) start = nextWorkStart(i, c); }
            case 6 -> start = nextWorkStart(i, c);
            case 7 -> {
                finish = previousWorkFinish(i, c);
                start = startFromFinish(i, finish);
            }
            default -> { }
        }
        es[i] = start;
        ef[i] = finish != null ? finish : finishFromStart(i, start);
        boolean constrained = start != unconstrained || t.constraint() == 6 || t.constraint() == 7;
        if (driving != null && !constrained && (driving.type() == 2 || driving.type() == 3)) {
            // a finish set by a finish-to-finish or start-to-finish link keeps its moment
            long base = driving.type() == 2 ? ef[driving.pred()] : es[driving.pred()];
            long byLink = addLag(driving, i, base);
            if (cal(i).work(byLink, ef[i]) == 0 && byLink != ef[i]) {
                ef[i] = byLink;
            }
        }
    }

    void backward(int i) {
        if (lf[i] != null) {
            return;
        }
        TaskSpec t = tasks.get(i);
        long finish = projectFinish;
        for (int[] sk : successors.getOrDefault(i, List.of())) {
            int s = sk[0];
            Link l = tasks.get(s).preds().get(sk[1]);
            backward(s);
            // a milestone passes on its latest equivalent time
            long succStart = milestone(s) ? cal(s).nextWorkStart(ls[s]) : ls[s];
            long succFinish = milestone(s) ? succStart : lf[s];
            long bound = switch (l.type()) {
                case 0 -> removeLag(l, s, succStart);
                case 1 -> finishFromStart(i, removeLag(l, s, cal(i).nextWorkStart(succStart)));
                case 2 -> removeLag(l, s, succFinish);
                default -> removeLag(l, s, finishFromStart(i, succFinish));
            };
            finish = Math.min(finish, bound);
        }
        long c = t.cdate();
        switch (t.constraint()) {
            case 6 -> finish = finishFromStart(i, nextWorkStart(i, c));
            case 7 -> finish = c;
            case 3 -> finish = Math.min(finish, finishFromStart(i, nextWorkStart(i, c)));
            case 5 -> finish = Math.min(finish, c);
            default -> { }
        }
        if (t.deadline() != Long.MIN_VALUE) {
            finish = Math.min(finish, t.deadline());
        }
        if (!(finish == projectFinish && milestone(i))) {
            finish = previousWorkFinish(i, finish); // a milestone ending the project keeps its moment
        }
        lf[i] = finish;
        ls[i] = startFromFinish(i, finish);
    }

    long totalFloat(int i) {
        if (tasks.get(i).elapsed()) {
            return Math.min(ls[i] - es[i], lf[i] - ef[i]);
        }
        Cal c = cal(i);
        return Math.min(c.work(es[i], ls[i]), c.work(ef[i], lf[i]));
    }

    long freeFloat(int i) {
        long ff = Long.MAX_VALUE;
        for (int[] sk : successors.getOrDefault(i, List.of())) {
            int s = sk[0];
            Link l = tasks.get(s).preds().get(sk[1]);
            ff = Math.min(ff, cal(s).work(candidate(l, s), es[s]));
        }
        if (ff == Long.MAX_VALUE) {
            ff = cal(i).work(ef[i], projectFinish);
        }
        return Math.max(0, Math.min(ff, totalFloat(i)));
    }
}
