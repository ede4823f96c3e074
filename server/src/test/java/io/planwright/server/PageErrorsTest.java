package io.planwright.server;

import io.planwright.server.accounts.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' refusals, now that the pages live in their features' packages: a page answers with the
 * error page (status and a sentence), the API with a problem detail, as before the split.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"PLANWRIGHT_ADMIN_PASSWORD=an admin password for tests"})
class PageErrorsTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("planwright.data", () -> data.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signIn() throws Exception {
        String page = get("/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the sign-in form carries its CSRF token").isTrue();
        String form = "username=admin&password=" + URLEncoder.encode("an admin password for tests", StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> in = browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(in.statusCode()).isEqualTo(302);
        assertThat(in.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyFeaturesPagesAnswerAMissingPlanWithTheErrorPage() throws Exception {
        for (String page : new String[] {"", "/schedule", "/resources", "/risks", "/risk-analysis", "/stakeholders", "/raci", "/communications",
                "/objectives", "/history", "/members"}) {
            HttpResponse<String> r = get("/plans/999999" + page);
            assertThat(r.statusCode()).as(page).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(page).startsWith("text/html");
            assertThat(r.body()).as(page).contains("There is no plan 999999 here, or you may not see it.");
        }
    }

    @Test
    void aRevisionThePlanNeverHadIsTheErrorPageToo() throws Exception {
        String portfolio = get("/").body();
        Matcher plan = Pattern.compile("/plans/(\\d+)").matcher(portfolio);
        assertThat(plan.find()).as("the demo plan is listed").isTrue();
        HttpResponse<String> r = get("/plans/" + plan.group(1) + "/history?at=999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("There is no revision 999999 of plan " + plan.group(1) + " here, or you may not see it.");
    }

    @Test
    void theApiStillAnswersWithAProblemDetail() throws Exception {
        String token = accounts.createToken(accounts.find("admin").orElseThrow().id(), "page errors");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/plans/999999/schedule"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("no plan 999999 here (or you may not see it)");
    }
}
