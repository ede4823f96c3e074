package io.planwright.server.browser;

import io.planwright.server.plans.PlanService;
import io.planwright.server.plans.PlanStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application in Firefox (Debian's firefox-esr, driven over WebDriver BiDi): signing in with the
 * keyboard, every page without a script error, the Gantt page drawn and edited with real key presses,
 * a RACI cell cycled (through the API), the dashboard's charts. Skipped without Firefox, unless
 * {@code PLANWRIGHT_BROWSER_TESTS=required} (as in CI, which installs it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class FirefoxBrowserTest {

    static final Path FIREFOX = Path.of(System.getenv().getOrDefault("PLANWRIGHT_FIREFOX", "/usr/bin/firefox-esr"));
    static final String ENTER = "\uE007";
    static final String TAB = "\uE004";
    static final String DOWN = "\uE015";
    static final String RIGHT = "\uE014";

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @Autowired
    PlanStore store;

    @Autowired
    PlanService plans;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("planwright.data", () -> data.resolve("db").toString());
    }

    @BeforeAll
    static void firefox() throws Exception {
        if (!Files.isExecutable(FIREFOX)) {
            if ("required".equals(System.getenv("PLANWRIGHT_BROWSER_TESTS"))) {
                throw new IllegalStateException("browser tests need Firefox at " + FIREFOX + " (apt-get install -y firefox-esr)");
            }
            Assumptions.abort("no Firefox at " + FIREFOX + ": Firefox tests skipped (set PLANWRIGHT_FIREFOX, or install firefox-esr)");
        }
        Files.createDirectories(BrowserSupport.SHOTS);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    long demoPlan() {
        long admin = 0;
        return store.plansOf(admin, true).stream().filter(p -> p.name().startsWith("NovaERP")).findFirst().orElseThrow().id();
    }

    @Test
    void thePagesWorkInFirefox() throws Exception {
        long planId = demoPlan();
        try (Bidi ff = Bidi.launch(FIREFOX, data.resolve("profile"))) {
            ff.navigate(url("/"));
            ff.until("location.pathname === '/login'");
            ff.eval("document.getElementById('username').focus()");
            ff.type("admin");
            ff.keys(TAB);
            ff.type("an admin password for tests");
            ff.keys(ENTER);
            untilQuietly(ff, "location.pathname === '/' && document.readyState === 'complete'");
            assertThat(ff.string("document.querySelector('h1').textContent")).isEqualTo("Your plans");

            List<String> pages = List.of("", "/objectives", "/risks", "/stakeholders", "/raci", "/communications", "/resources", "/history",
                    "/history?at=1", "/members");
            for (String page : pages) {
                ff.navigate(url("/plans/" + planId + page));
                assertThat(ff.bool("document.querySelector('main h1') !== null")).as(page).isTrue();
            }
            ff.navigate(url("/plans/" + planId));
            ff.until("!!window.Chart && !!Chart.getChart(document.getElementById('cost-chart'))");
            ff.screenshot(BrowserSupport.SHOTS.resolve("firefox-dashboard.png"));

            // the Gantt page: drawn, then a duration typed with the keyboard
            ff.navigate(url("/plans/" + planId + "/schedule"));
            ff.until("document.querySelector('#sched[data-ready]') !== null");
            double ready = ff.number("performance.getEntriesByName('gantt-ready')[0].startTime");
            assertThat(ff.number("Number(document.querySelector('canvas.chart').dataset.bars)")).isGreaterThan(10);
            ff.eval("document.querySelector('#sched .grid').focus()");
            ff.keys(DOWN, DOWN, RIGHT, ENTER);
            ff.until("!document.querySelector('.cell-editor').hidden");
            ff.type("4d");
            ff.keys(ENTER);
            ff.until("document.querySelector('#sched[data-busy]') === null && document.querySelector('.cell-editor').hidden");
            String id = ff.string("window.__gantt.state.tasks[2].id");
            String duration = plans.current(planId).plan().tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().duration().toString();
            assertThat(duration).isEqualTo("4d");
            assertThat(ff.string("document.getElementById('cell-2-2').textContent")).isEqualTo("4d");
            assertThat(ff.string("document.getElementById('rev-number').textContent")).as("the page shows the new revision")
                    .isEqualTo(String.valueOf(plans.current(planId).revision()));
            ff.screenshot(BrowserSupport.SHOTS.resolve("firefox-schedule.png"));

            // a RACI cell, changed through the API
            ff.navigate(url("/plans/" + planId + "/raci"));
            String cell = "document.querySelectorAll('#raci tbody tr')[3].querySelector('td')";
            String before = ff.string(cell + ".textContent");
            ff.eval(cell + ".click()");
            ff.until(cell + ".textContent !== '" + before + "' && !document.getElementById('raci').dataset.busy");
            assertThat(ff.string("document.getElementById('page-message').textContent")).isEmpty();

            assertThat(ff.errors).as("no script errors in Firefox").isEmpty();
            Files.writeString(Path.of("target", "firefox-performance.txt"),
                    String.format(Locale.ROOT, "firefox: demo plan (160 tasks) Gantt drawn %.0f ms after navigation%n", ready));
        }
    }

    /** Waits for a condition across a navigation (while the page is replaced, evaluating may fail). */
    static void untilQuietly(Bidi ff, String condition) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                if (ff.bool(condition)) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the page is being replaced
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not get to: " + condition);
            }
            Thread.sleep(100);
        }
    }
}
