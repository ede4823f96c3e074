package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.planwright.bench.NetworkGenerator;
import io.planwright.bench.PlanGenerator;
import io.planwright.core.model.Plan;
import io.planwright.server.PlanwrightServer;
import io.planwright.server.accounts.Accounts;
import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanState;
import io.planwright.core.schedule.PlanSchedule;
import io.planwright.core.schedule.ScheduledTask;
import io.planwright.core.model.Task;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Gantt page of a large plan in a real browser, side by side with Frappe Gantt (the open-source web
 * Gantt chart ERPNext uses), given the same tasks, dates and links: time until the chart is drawn, and
 * frame times while scrolling down (and across) the chart. Run by {@code bench/gantt-compare.sh}, which
 * fetches Frappe Gantt from the npm registry.
 *
 * <pre>GanttBench FRAPPE_DIST_DIR [--tasks N] [--runs R]</pre>
 */
public final class GanttBench {

    /** The scroll measured for both: 120 px down per frame, 40 px across every third frame. */
    static final String SCROLL = "async (selector) => { const v = document.querySelector(selector); const out = [];"
            + " let last = performance.now();"
            + " for (let i = 0; i < 240; i++) { v.scrollTop += 120; if (i % 3 === 0) v.scrollLeft += 40;"
            + " await new Promise(r => requestAnimationFrame(r)); const n = performance.now(); out.push(n - last); last = n; }"
            + " return out; }";

    public static void main(String[] args) throws Exception {
        Path frappe = Path.of(args[0]);
        int tasks = 5000;
        int runs = 3;
        for (int i = 1; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--tasks" -> tasks = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("planwright-gantt-bench");
        PlanwrightServer.Running server = PlanwrightServer.start("--server.port=0", "--planwright.data=" + data, "--planwright.demo=false",
                "--PLANWRIGHT_ADMIN_PASSWORD=gantt bench password", "--logging.level.root=warn");
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            PlanService plans = server.context().getBean(PlanService.class);
            Accounts accounts = server.context().getBean(Accounts.class);
            Plan plan = PlanGenerator.plan(NetworkGenerator.generate(tasks, 42));
            long planId = plans.create(plan, accounts.find("admin").orElseThrow().id(), "gantt bench");
            PlanState state = plans.current(planId);
            PlanSchedule schedule = plans.schedule(state);
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(BrowserSupport.CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync")));
            String base = "http://localhost:" + server.port();
            System.out.printf(Locale.ROOT, "%d rows (%d tasks and their phases), %d links; Chromium headless, 1600x900, no GPU%n",
                    plan.tasks().size(), tasks, plan.tasks().stream().mapToInt(t -> t.links().size()).sum());
            System.out.println("| chart | drawn after (ms), each run | scrolling: frame p50 / p95 / max (ms) | frames over 50 ms |");
            System.out.println("|---|---|---|---|");
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 900))) {
                Page page = context.newPage();
                page.navigate(base + "/login");
                page.getByLabel("User name").fill("admin");
                page.getByLabel("Password").fill("gantt bench password");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(base + "/");
                List<Double> drawn = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    page.navigate(base + "/plans/" + planId + "/schedule");
                    page.waitForSelector("#sched[data-ready]");
                    drawn.add(((Number) page.evaluate("performance.getEntriesByName('gantt-ready')[0].startTime")).doubleValue());
                }
                row("Planwright (from navigation: page, data over HTTP, grid and chart)", drawn, page.evaluate(SCROLL, "#sched .viewport"));
            }
            String js = Files.readString(frappe.resolve("frappe-gantt.umd.js"));
            String css = Files.readString(frappe.resolve("frappe-gantt.css"));
            String json = JsonMapper.builder().build().writeValueAsString(frappeTasks(state.plan(), schedule));
            List<Double> drawn = new ArrayList<>();
            Object frames = null;
            for (int r = 0; r < runs; r++) {
                try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1600, 900))) {
                    Page page = context.newPage();
                    page.setContent("<!DOCTYPE html><html><body style='margin:0'><div id='g'></div></body></html>");
                    page.addStyleTag(new Page.AddStyleTagOptions().setContent(css));
                    page.addScriptTag(new Page.AddScriptTagOptions().setContent(js));
                    page.evaluate("json => { window.data = JSON.parse(json); }", json);
                    drawn.add(((Number) page.evaluate("async () => { const t0 = performance.now();"
                            + " new Gantt('#g', window.data, {view_mode: 'Week', container_height: 760});"
                            + " await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); return performance.now() - t0; }"))
                            .doubleValue());
                    if (r == runs - 1) {
                        frames = page.evaluate(SCROLL, ".gantt-container");
                    }
                }
            }
            row("Frappe Gantt 1.2.2 (from the data already in the page: chart only)", drawn, frames);
            browser.close();
        } finally {
            server.context().close();
        }
    }

    static List<Map<String, Object>> frappeTasks(Plan plan, PlanSchedule schedule) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Task t : plan.tasks()) {
            ScheduledTask s = schedule.task(t.id()).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("name", t.name());
            m.put("start", s.start().toLocalDate().toString());
            m.put("end", s.finish().toLocalDate().toString());
            m.put("progress", 0);
            m.put("dependencies", String.join(", ", t.links().stream().map(l -> l.predecessorId()).toList()));
            out.add(m);
        }
        return out;
    }

    private static void row(String what, List<Double> drawn, Object frames) {
        double[] f = ((List<?>) frames).stream().skip(1).mapToDouble(x -> ((Number) x).doubleValue()).sorted().toArray();
        StringBuilder times = new StringBuilder();
        for (double d : drawn) {
            times.append(times.length() == 0 ? "" : " / ").append(Math.round(d));
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %.0f / %.0f / %.0f | %d of %d |%n", what, times, f[f.length / 2], f[(int) (f.length * 0.95)],
                f[f.length - 1], Arrays.stream(f).filter(x -> x > 50).count(), f.length);
    }

    private GanttBench() {
    }
}
