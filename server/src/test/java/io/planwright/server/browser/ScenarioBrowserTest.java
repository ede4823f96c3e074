package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.planwright.server.accounts.Account;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario in a real browser: branched on the scenarios page, edited in its own grid (a task made
 * longer), compared with the plan (the finish moves, the Gantt of both shows the task), merged back, and the
 * plan's grid then shows the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class ScenarioBrowserTest extends BrowserSupport {


    @Test
    void branchEditCompareAndMerge() throws Exception {
        Account admin = accounts.find("admin").orElseThrow();
        token = accounts.createToken(admin.id(), "browser test");
        String yaml = """
                planwright: 1
                plan: {name: Shop launch, start: 2027-01-04}
                tasks:
                  design: {name: Design, duration: 3d}
                  build: {name: Build, duration: 5d, after: [design]}
                  launch: {name: Launch, milestone: true, after: [build]}
                """;
        HttpResponse<String> imported = call("POST", "/api/v1/plans/import?filename=shop.plan.yaml", yaml);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long planId = Long.parseLong(first("\"id\":(\\d+)", imported.body()));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 900))) {
            Page page = context.newPage();
            signIn(page, "admin", "an admin password for tests");
            page.navigate(url("/plans/" + planId + "/scenarios"));
            page.getByLabel("Name").fill("Longer build");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Branch from the plan as it is now")).click();
            page.waitForSelector("#scenarios a:has-text('Longer build')");
            // the scenario is a plan: its own grid edits it
            page.locator("#scenarios a:has-text('Longer build')").click();
            page.waitForURL("**/schedule");
            long scenarioId = Long.parseLong(first("/plans/(\\d+)/schedule", page.url()));
            assertThat(page.locator(".scenario-badge").textContent()).contains("scenario Longer build");
            WebAppBrowserTest.waitIdle(page);
            WebAppBrowserTest.type(page, 1, 2, "8d");
            shot(page, "scenario-edited");
            assertThat(call("GET", "/api/v1/plans/" + scenarioId + "/tasks", null).body()).contains("\"duration\":\"8d\"");
            assertThat(call("GET", "/api/v1/plans/" + planId + "/tasks/build", null).body()).as("the plan is untouched").contains("\"duration\":\"5d\"");
            // compare: the finish moves three working days, the Gantt of both shows Build twice
            page.locator(".scenario-badge").click();
            page.waitForSelector("#side-by-side");
            String sideBySide = page.locator("#side-by-side").textContent();
            assertThat(sideBySide).contains("2027-01-13", "2027-01-18");
            assertThat(page.locator("#gantt-both .bar-plan").count()).isGreaterThanOrEqualTo(1);
            assertThat(page.locator("#gantt-both .bar-scenario").count()).isGreaterThanOrEqualTo(1);
            shot(page, "scenario-compare");
            // merge the change
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Merge the chosen changes into the plan")).click();
            page.waitForSelector("#merge-form .form-ok:has-text('Merged 1 change')");
            assertThat(call("GET", "/api/v1/plans/" + planId + "/tasks/build", null).body()).contains("\"duration\":\"8d\"");
            page.navigate(url("/plans/" + planId + "/schedule"));
            WebAppBrowserTest.waitIdle(page);
            assertThat(WebAppBrowserTest.cell(page, 1, 2).textContent()).contains("8d");
        }
    }
}
