package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.planwright.server.accounts.Account;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The communication plan and the reports in a real browser: the weekly status is previewed, paused, resumed
 * and sent now (without a mail server it waits in the outbox as "not sent: no mail server"); the Reports page
 * previews the steering committee's report in its sandboxed frame, with its charts, and lists what was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class CommunicationBrowserTest extends BrowserSupport {

    @Test
    void anItemIsPreviewedPausedResumedAndSentNowAndTheReportIsPreviewed() throws Exception {
        Account admin = accounts.find("admin").orElseThrow();
        token = accounts.createToken(admin.id(), "browser test");
        String yaml = new String(getClass().getResourceAsStream("/demo/erp-rollout.plan.yaml").readAllBytes(), StandardCharsets.UTF_8);
        var imported = call("POST", "/api/v1/plans/import?filename=comms.plan.yaml", yaml);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long planId = Long.parseLong(first("\"id\":(\\d+)", imported.body()));
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 1000))) {
            Page page = context.newPage();
            signIn(page, "admin", "an admin password for tests");
            page.navigate(url("/plans/" + planId + "/communications"));
            Locator weekly = page.locator("td.schedule[data-item=weekly-status]");
            assertThat(weekly.locator(".next-send").textContent()).contains("next:");

            // preview: the message as it would go out, not sent
            weekly.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Preview")).click();
            page.waitForURL("**/preview");
            assertThat(page.content()).contains("Weekly project status");
            page.goBack();

            // pause and resume
            page.locator("td.schedule[data-item=weekly-status]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
            page.waitForSelector("td.schedule[data-item=weekly-status] .status.warn:has-text('paused')");
            page.locator("td.schedule[data-item=weekly-status]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resume")).click();
            page.waitForSelector("td.schedule[data-item=weekly-status] .next-send");

            // send now: no mail server here, so the messages wait in the outbox, each downloadable
            page.locator("td.schedule[data-item=weekly-status]").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send now")).click();
            page.waitForSelector("#outbox");
            WebAppBrowserTest.until(page, () -> page.locator("#outbox").textContent().contains("not sent: no mail server"));
            shot(page, "communication-outbox");

            // the Reports page: the steering committee's report in its sandboxed preview, and what was sent
            page.navigate(url("/plans/" + planId + "/reports?audience=steering"));
            FrameLocator preview = page.frameLocator("iframe.report-preview");
            assertThat(preview.locator("body").textContent()).contains("NovaERP", "Change control");
            assertThat(preview.locator("svg").count()).isGreaterThan(0);
            assertThat(page.locator("#sent").textContent()).contains("Weekly project status", "not sent: no mail server");
            shot(page, "reports");
        }
    }
}
