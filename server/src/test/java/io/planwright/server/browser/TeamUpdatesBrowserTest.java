package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.planwright.server.accounts.Account;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Team updates in a real browser: a contributor linked to a resource of the ERP demo reports progress
 * on a task of her "My work" (a bad amount of work is refused at its field), the owner accepts it on the
 * updates page, and the task then shows the progress, on her page and in the plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class TeamUpdatesBrowserTest extends BrowserSupport {

    static final String ADMIN_PASSWORD = "an admin password for tests";


    @Test
    void aContributorReportsProgressTheOwnerAcceptsItAndTheTaskShowsIt() throws Exception {
        Account admin = accounts.find("admin").orElseThrow();
        token = accounts.createToken(admin.id(), "browser test");
        String yaml = new String(getClass().getResourceAsStream("/demo/erp-rollout.plan.yaml").readAllBytes(), StandardCharsets.UTF_8);
        HttpResponse<String> imported = call("POST", "/api/v1/plans/import?filename=team.plan.yaml", yaml);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long planId = Long.parseLong(first("\"id\":(\\d+)", imported.body()));
        accounts.create("dana", "a long enough password", false).orElseThrow();
        String revision = first("\"revision\":(\\d+)", call("GET", "/api/v1/plans/" + planId, null).body());
        HttpResponse<String> linked = call("PUT", "/api/v1/plans/" + planId + "/members/dana", "{\"role\":\"contributor\",\"resourceId\":\"sabine\"}",
                "If-Match", "\"" + revision + "\"");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);

        List<String> dialogs = new ArrayList<>();
        try (BrowserContext contributor = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 900));
             BrowserContext owner = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 900))) {
            Page page = contributor.newPage();
            page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            signIn(page, "dana", "a long enough password");
            page.navigate(url("/plans/" + planId));
            assertThat(page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Updates")).count()).as("a contributor decides nothing").isZero();
            page.locator("nav.tabs a", new Page.LocatorOptions().setHasText("My work")).click();
            page.waitForURL("**/plans/" + planId + "/my-work");
            Locator row = page.locator("#work-fin-fdd");
            assertThat(row.textContent()).contains("Finance functional design documents", "120h");

            // a bad amount of work is refused at its field, and nothing is sent
            row.getByLabel("Actual work").fill("-3h");
            row.getByLabel("% complete").fill("55");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send update")).click();
            row.locator(".field-error").first().waitFor();
            assertThat(row.locator(".field-error").first().textContent()).contains("below nothing");
            assertThat(row.getByLabel("Actual work").getAttribute("aria-invalid")).isEqualTo("true");

            row.getByLabel("Actual work").fill("64h");
            row.getByLabel("Remaining").fill("56h");
            row.getByLabel("Comment").fill("Chapter <b>5</b> reviewed");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send update")).click();
            page.locator(".flash").waitFor();
            assertThat(page.locator(".flash").textContent()).contains("Sent");
            assertThat(page.locator("#work-fin-fdd").textContent()).contains("Waiting for a decision: 55 % complete, 64h done, 56h left");
            shot(page, "my-work");

            // the owner sees it waiting and accepts it
            Page o = owner.newPage();
            o.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            signIn(o, "admin", ADMIN_PASSWORD);
            o.navigate(url("/plans/" + planId));
            assertThat(o.locator("nav.tabs .count-badge").textContent()).isEqualTo("1");
            o.locator("nav.tabs a", new Page.LocatorOptions().setHasText("Updates")).click();
            o.waitForURL("**/plans/" + planId + "/updates");
            Locator waiting = o.locator("#waiting-updates tbody tr").first();
            assertThat(waiting.textContent()).contains("Finance functional design documents", "dana", "64h", "56h", "55 %", "Chapter <b>5</b> reviewed");
            assertThat(o.locator("#waiting-updates b").count()).as("user text shown as text").isZero();
            shot(o, "team-updates");
            waiting.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept the update on Finance functional design documents")).click();
            o.locator(".flash").waitFor();
            assertThat(o.locator(".flash").textContent()).contains("Accepted");
            assertThat(o.locator("#none-waiting").textContent()).contains("No update is waiting");
            assertThat(o.locator("#decided").textContent()).contains("accepted", "admin");

            // the task shows the progress: on the contributor's page, and in the plan's history
            page.reload();
            Locator done = page.locator("#work-fin-fdd");
            assertThat(done.textContent()).contains("55 %").doesNotContain("Waiting for a decision");
            assertThat(done.locator("td").nth(4).textContent()).isEqualTo("64h");
            assertThat(done.locator("td").nth(5).textContent()).isEqualTo("56h");
            o.navigate(url("/plans/" + planId + "/history"));
            assertThat(o.locator("body").textContent()).contains("accept update from dana on Finance functional design documents (fin-fdd)");
        }
        assertThat(dialogs).as("no script from user text ran").isEmpty();
    }
}
