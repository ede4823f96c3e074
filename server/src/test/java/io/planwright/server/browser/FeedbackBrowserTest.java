package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.planwright.server.accounts.Account;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback and sign-off in a real browser. An owner copies a feedback link on the stakeholder page; a browser
 * without an account opens it and answers; the answer shows on the stakeholder page; the link refuses a
 * second answer and a tampered one is refused. Then the approval flow end to end: the owner asks for the
 * blueprint's approval, the approver (a member with the role stakeholder) decides on the sign-off page, the
 * deliverable shows accepted and the dashboard's waiting list empties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class FeedbackBrowserTest extends BrowserSupport {

    @Test
    void aFeedbackLinkWorksOnceWithoutAnAccountAndAnApproverSignsOff() throws Exception {
        Account admin = accounts.find("admin").orElseThrow();
        token = accounts.createToken(admin.id(), "browser test");
        String yaml = new String(getClass().getResourceAsStream("/demo/erp-rollout.plan.yaml").readAllBytes(), StandardCharsets.UTF_8);
        var imported = call("POST", "/api/v1/plans/import?filename=feedback.plan.yaml", yaml);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        long planId = Long.parseLong(first("\"id\":(\\d+)", imported.body()));
        accounts.create("heidi", "a long enough password", false).orElseThrow();
        String revision = first("\"revision\":(\\d+)", call("GET", "/api/v1/plans/" + planId, null).body());
        var linked = call("PUT", "/api/v1/plans/" + planId + "/members/heidi", "{\"role\":\"stakeholder\",\"stakeholderId\":\"cfo\"}",
                "If-Match", "\"" + revision + "\"");
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);

        try (BrowserContext owner = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 900));
             BrowserContext anonymous = browser.newContext(new Browser.NewContextOptions().setViewportSize(900, 900));
             BrowserContext approver = browser.newContext(new Browser.NewContextOptions().setViewportSize(1500, 900))) {
            Page page = owner.newPage();
            signIn(page, "admin", "an admin password for tests");
            page.navigate(url("/plans/" + planId + "/stakeholders"));
            page.selectOption("#fl-s", "coo");
            page.selectOption("#fl-i", "steerco-report");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy a feedback link")).click();
            page.waitForSelector("#feedback-link:not([hidden])");
            String link = page.inputValue("#feedback-link");
            assertThat(link).contains("/f/");

            // no account: the form opens, is answered, and then says so
            Page form = anonymous.newPage();
            form.navigate(link);
            assertThat(form.url()).as("no sign-in asked").doesNotContain("/login");
            form.locator("#feedback-form input[name=confidence][value='2']").check();
            form.fill("#comment", "<b>worried</b> about the cut-over weekend");
            form.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            form.waitForLoadState();
            assertThat(form.content()).containsIgnoringCase("thank");
            form.navigate(link);
            assertThat(form.content()).contains("answered already");
            var tampered = form.navigate(link.substring(0, link.length() - 3) + "xyz");
            assertThat(tampered.status()).isEqualTo(403);

            // the answer on the stakeholder page, as text
            page.navigate(url("/plans/" + planId + "/stakeholders"));
            assertThat(page.content()).contains("&lt;b&gt;worried&lt;/b&gt; about the cut-over weekend");
            shot(page, "stakeholder-feedback");

            // sign-off: the owner asks, the approver decides, the deliverable is accepted
            page.navigate(url("/plans/" + planId + "/sign-off"));
            page.locator("#sign-off-blueprint").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Ask for approval")).click();
            page.waitForSelector("#sign-off-blueprint tr.request[data-approver=cfo]");
            page.navigate(url("/plans/" + planId));
            assertThat(page.content()).contains("Signed-off solution blueprint");

            Page heidi = approver.newPage();
            signIn(heidi, "heidi", "a long enough password");
            heidi.navigate(url("/plans/" + planId + "/sign-off"));
            heidi.fill("#sign-off-blueprint form.decide input[name=comment]", "Blueprint complete, gap board minutes attached");
            heidi.locator("#sign-off-blueprint form.decide").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                    .setName("Decide")).click();
            heidi.waitForSelector("#sign-off-blueprint .tag.state.accepted");
            assertThat(heidi.locator("#sign-off-blueprint td.decision").first().textContent()).contains("approve");
            shot(heidi, "sign-off-accepted");
            assertThat(call("GET", "/api/v1/plans/" + planId + "/approvals/waiting", null).body()).doesNotContain("blueprint");
            assertThat(call("GET", "/api/v1/plans/" + planId + "/history", null).body()).contains("Blueprint complete");
        }
    }
}
