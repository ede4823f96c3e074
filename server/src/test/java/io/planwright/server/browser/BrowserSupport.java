package io.planwright.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.planwright.server.accounts.Accounts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the tests: Debian's Chromium through Playwright, headless. Without Chromium the
 * tests are skipped, unless {@code PLANWRIGHT_BROWSER_TESTS=required} (as in CI), where they fail.
 * Screenshots go to {@code target/screenshots}. Each test class gets its own server and database.
 */
abstract class BrowserSupport {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PLANWRIGHT_CHROMIUM", "/usr/bin/chromium"));
    static final Path SHOTS = Path.of("target", "screenshots");

    static Playwright playwright;
    static Browser browser;

    /** The database of the test's server: a fresh H2 file database per test class. */
    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("planwright.data", () -> data.toString());
    }

    @BeforeAll
    static void launch() throws Exception {
        boolean required = "required".equals(System.getenv("PLANWRIGHT_BROWSER_TESTS"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException("browser tests need Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
            }
            Assumptions.abort("no Chromium at " + CHROMIUM + ": browser tests skipped (set PLANWRIGHT_CHROMIUM, or install chromium)");
        }
        Files.createDirectories(SHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Signs in through the form and waits for the page asked for. */
    void signIn(Page page, String user, String password) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(u -> !URI.create(u).getPath().equals("/login"));
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")));
    }

    /** The API token of the calls below ({@link #call}): set by a test after it creates one. */
    String token;

    /** A call of the REST API with {@link #token}, JSON, and the headers given as name, value pairs. */
    java.net.http.HttpResponse<String> call(String method, String path, String body, String... headers) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        b.header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** The first group of the first match of {@code regex} in {@code text}; fails when there is none. */
    static String first(String regex, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        org.assertj.core.api.Assertions.assertThat(m.find()).as(regex + " in " + text).isTrue();
        return m.group(1);
    }
}
