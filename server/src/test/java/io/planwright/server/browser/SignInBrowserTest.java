package io.planwright.server.browser;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.planwright.server.accounts.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and the home page in a real browser (Debian's Chromium through Playwright) against the real
 * server and database. Screenshots go to {@code target/screenshots}. Without Chromium the test is skipped,
 * unless {@code PLANWRIGHT_BROWSER_TESTS=required} (as in CI), where it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests")
class SignInBrowserTest extends BrowserSupport {

    @Test
    void aUserSignsInSeesTheirPlansDownloadsTheScheduleAndSignsOut() throws Exception {
        // a plan whose name would run as a script if it were not escaped
        Account admin = accounts.find("admin").orElseThrow();
        String token = accounts.createToken(admin.id(), "browser test");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/plans")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Launch <img src=x onerror=alert(1)> & <b>bold</b>\",\"start\":\"2026-03-02T08:00\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 800))) {
            Page page = context.newPage();
            List<String> dialogs = new ArrayList<>();
            page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            page.navigate(url("/"));
            assertThat(page.url()).as("signing in comes first").endsWith("/login");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("sign-in.png")));

            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill("not the password");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.url()).as("a wrong password").endsWith("/login?error");

            page.getByLabel("User name").fill("admin");
            page.getByLabel("Password").fill("an admin password for tests");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(u -> URI.create(u).getPath().equals("/")); // the page asked for first, perhaps with ?continue
            assertThat(page.locator("h1").first().textContent()).isEqualTo("Your plans");
            assertThat(page.locator("body").textContent()).contains("Signed in as admin").contains("NovaERP roll-out");
            assertThat(page.locator("td", new Page.LocatorOptions().setHasText("Launch <img")).first().textContent())
                    .as("user text shown as text").isEqualTo("Launch <img src=x onerror=alert(1)> & <b>bold</b>");
            assertThat(page.locator("td b, td img").count()).as("no markup from user text").isZero();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("home.png")).setFullPage(true));

            String csv = page.locator("a", new Page.LocatorOptions().setHasText("schedule CSV")).first().getAttribute("href");
            APIResponse schedule = context.request().get(url(csv));
            assertThat(schedule.status()).isEqualTo(200);
            assertThat(schedule.text()).startsWith("id,wbs,name,type,duration_hours,start,finish");

            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL("**/login?logout");
            page.navigate(url("/"));
            assertThat(page.url()).as("signed out").endsWith("/login");
            assertThat(dialogs).as("no script from user text ran").isEmpty();
        }
    }
}
