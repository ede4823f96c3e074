package io.planwright.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.planwright.server.communication.AdjustableClock;
import io.planwright.server.communication.Delivery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The communication plan runs, through real servers: GreenMail is the SMTP server, a local HTTP server
 * receives the webhook, and the clock is moved so that an item falls due. A weekly item is sent once to
 * the right people with its HTML and PDF; an SMTP failure is retried, then reported; two processes on one
 * PostgreSQL send it once; restarts send nothing twice; without a mail server it waits as .eml.
 */
class CommunicationTest {

    static final String PASSWORD = "a password for the communication test";
    /** A Friday, a minute before the weekly report is due (the plan's zone is Berlin, UTC+1 in March). */
    static final String BEFORE = "2026-03-13T13:59:00+01:00";
    static final String DUE = "2026-03-13T14:00:05+01:00";

    static final String PLAN = """
            plan:
              name: Comms
              start: 2026-03-02
              time-zone: Europe/Berlin
            tasks:
              build: {name: Build, duration: 5d, raci: {cio: A, cfo: I, ana: C}}
              done: {name: Done, milestone: true, after: [build]}
            resources:
              ana: {name: Ana Lopes, email: ana@example.org}
            stakeholders:
              cfo: {name: Claudia Roth, contact: claudia@example.org}
              cio: {name: Ralf Engel, contact: ralf@example.org}
            communications:
              weekly:
                name: Weekly status
                purpose: Keep everyone aligned
                audience: [cfo, cio]
                channel: email
                schedule: weekly fri 14:00
                sections: [Progress, Risks]
            """;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final List<PlanwrightServer.Running> running = new ArrayList<>();
    GreenMail mail;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        running.forEach(r -> r.context().close());
        if (mail != null) {
            mail.stop();
        }
    }

    record Reply(int status, String body, byte[] bytes) {
    }

    Reply call(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", path.contains("/import") ? "application/yaml" : "application/json");
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    List<String> settings(String database, Integer smtpPort, String clock, String... more) {
        List<String> s = new ArrayList<>(List.of("--server.port=0", "--planwright.demo=false", "--PLANWRIGHT_ADMIN_PASSWORD=" + PASSWORD,
                "--spring.jmx.enabled=false", "--planwright.clock=" + clock, "--planwright.communication.poll=PT0.5S",
                "--planwright.communication.initial-delay=PT0.5S", "--planwright.communication.retry-base=PT0.5S"));
        s.add(database == null ? "--planwright.data=" + dir.resolve("data") : "--spring.datasource.url=" + database);
        if (database != null) {
            s.addAll(List.of("--planwright.data=" + dir.resolve("data"), "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
        if (smtpPort != null) {
            s.addAll(List.of("--spring.mail.host=localhost", "--spring.mail.port=" + smtpPort, "--planwright.mail.from=planwright@example.org"));
        }
        s.addAll(Arrays.asList(more));
        return s;
    }

    PlanwrightServer.Running start(List<String> settings) {
        PlanwrightServer.Running r = PlanwrightServer.start(settings.toArray(String[]::new));
        running.add(r);
        return r;
    }

    static void moveClock(PlanwrightServer.Running r, String to) {
        r.context().getBean(AdjustableClock.class).moveTo(OffsetDateTime.parse(to).toInstant());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited a minute for: " + what);
            }
            Thread.sleep(100);
        }
    }

    long importPlan(int port, String yaml) throws Exception {
        Reply created = call(port, "POST", "/api/v1/plans/import?filename=comms.plan.yaml", yaml);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("id").asLong();
    }

    /** Waits until the servers have seen the item's schedule (its next send is 14:00 that Friday). */
    void scheduled(int port, long planId) throws Exception {
        await("the weekly item scheduled", () -> {
            try {
                JsonNode s = json.readTree(call(port, "GET", "/api/v1/plans/" + planId + "/communication-schedule", null).body());
                return s.get(0).get("nextSendAt").asString().startsWith("2026-03-13T14:00");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(1500); // a poll or two, so that the schedule is on record since before 14:00
    }

    JsonNode outbox(int port, long planId) throws Exception {
        return json.readTree(call(port, "GET", "/api/v1/plans/" + planId + "/outbox", null).body());
    }

    GreenMail greenMail(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    @Test
    void aWeeklyItemDueIsSentOnceWithItsHtmlAndPdfAndARestartSendsNothingTwice() throws Exception {
        int smtp = freePort();
        mail = greenMail(smtp);
        PlanwrightServer.Running a = start(settings(null, smtp, BEFORE));
        long id = importPlan(a.port(), PLAN);
        scheduled(a.port(), id);
        assertThat(mail.getReceivedMessages()).isEmpty();

        moveClock(a, DUE);
        await("two e-mails", () -> mail.getReceivedMessages().length >= 2);
        Thread.sleep(2000);
        MimeMessage[] got = mail.getReceivedMessages();
        assertThat(got).hasSize(2);
        List<String> to = new ArrayList<>();
        for (MimeMessage m : got) {
            assertThat(m.getAllRecipients()).hasSize(1);
            to.add(m.getAllRecipients()[0].toString());
            assertThat(m.getSubject()).startsWith("Comms: Weekly status").contains("Fri 13 Mar 2026");
            Multipart mixed = (Multipart) m.getContent();
            String html = null;
            byte[] pdf = null;
            for (BodyPart p : parts(mixed)) {
                if (p.isMimeType("text/html")) {
                    html = (String) p.getContent();
                } else if (p.isMimeType("application/pdf")) {
                    assertThat(p.getFileName()).isEqualTo("weekly-2026-03-13.pdf");
                    pdf = p.getInputStream().readAllBytes();
                }
            }
            assertThat(html).contains("Weekly status").contains("Keep everyone aligned").contains("Sections: Progress, Risks");
            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        assertThat(to).containsExactlyInAnyOrder("claudia@example.org", "ralf@example.org");
        JsonNode box = outbox(a.port(), id);
        assertThat(box).hasSize(2);
        box.forEach(m -> {
            assertThat(m.get("status").asString()).isEqualTo("sent");
            assertThat(m.get("period").asString()).isEqualTo("2026-03-13T14:00");
        });

        // a restart after sending: the period is on record, nothing goes out again
        a.context().close();
        running.remove(a);
        PlanwrightServer.Running b = start(settings(null, smtp, "2026-03-13T14:00:30+01:00"));
        Thread.sleep(3000);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(outbox(b.port(), id)).hasSize(2);
    }

    static List<BodyPart> parts(Multipart m) throws Exception {
        List<BodyPart> out = new ArrayList<>();
        for (int i = 0; i < m.getCount(); i++) {
            BodyPart p = m.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                out.addAll(parts(inner));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void anSmtpFailureIsRetriedThenReportedAndARestartInTheMiddleSendsOnce() throws Exception {
        int smtp = freePort(); // nothing listens there yet
        PlanwrightServer.Running a = start(settings(null, smtp, BEFORE, "--planwright.communication.max-attempts=30"));
        long id = importPlan(a.port(), PLAN);
        scheduled(a.port(), id);
        moveClock(a, DUE);
        await("a failed attempt", () -> {
            try {
                JsonNode box = outbox(a.port(), id);
                return box.size() == 2 && box.get(0).get("attempts").asInt() >= 2 && box.get(0).get("lastError").asString().length() > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(outbox(a.port(), id).get(0).get("status").asString()).isIn("pending", "sending");
        // the server stops in the middle of retrying; the mail server comes up; another start sends each message once
        a.context().close();
        running.remove(a);
        mail = greenMail(smtp);
        PlanwrightServer.Running b = start(settings(null, smtp, "2026-03-13T14:01:00+01:00", "--planwright.communication.max-attempts=30"));
        await("two e-mails", () -> mail.getReceivedMessages().length >= 2);
        Thread.sleep(3000);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        outbox(b.port(), id).forEach(m -> assertThat(m.get("status").asString()).isEqualTo("sent"));
    }

    @Test
    void afterTheLastAttemptAFailureIsReportedWithTheError() throws Exception {
        int smtp = freePort();
        PlanwrightServer.Running a = start(settings(null, smtp, BEFORE, "--planwright.communication.max-attempts=3"));
        long id = importPlan(a.port(), PLAN);
        Reply sent = call(a.port(), "POST", "/api/v1/plans/" + id + "/communications/weekly/send-now", null);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        await("failed", () -> {
            try {
                JsonNode box = outbox(a.port(), id);
                return box.size() == 2 && box.get(0).get("status").asString().equals("failed") && box.get(1).get("status").asString().equals("failed");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode failed = json.readTree(call(a.port(), "GET", "/api/v1/plans/" + id + "/outbox?status=failed", null).body());
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get(0).get("lastError").asString()).startsWith("failed after 3 attempts").containsIgnoringCase("connect");
    }

    @Test
    void twoServersOnOnePostgresSendItOnce() throws Exception {
        EmbeddedPostgres pg = Postgres.start();
        String database = "comms" + System.nanoTime();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + database);
        }
        int smtp = freePort();
        mail = greenMail(smtp);
        String url = pg.getJdbcUrl("postgres", database);
        PlanwrightServer.Running a = start(settings(url, smtp, BEFORE));
        PlanwrightServer.Running b = start(settings(url, smtp, BEFORE));
        long id = importPlan(a.port(), PLAN);
        scheduled(b.port(), id);
        moveClock(a, DUE);
        moveClock(b, DUE);
        await("two e-mails", () -> mail.getReceivedMessages().length >= 2);
        Thread.sleep(4000);
        assertThat(mail.getReceivedMessages()).hasSize(2);
        assertThat(outbox(b.port(), id)).hasSize(2);
    }

    @Test
    void withoutAMailServerMessagesWaitAsEmlAndWebhooksAreSigned() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", ex -> {
            bodies.add(ex.getRequestBody().readAllBytes());
            signatures.add(ex.getRequestHeaders().getFirst(Delivery.SIGNATURE_HEADER));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
        try {
            PlanwrightServer.Running a = start(settings(null, null, BEFORE));
            String plan = PLAN + "    webhook: http://localhost:" + receiver.getAddress().getPort() + "/hook\n";
            long id = importPlan(a.port(), plan);
            JsonNode secrets = json.readTree(call(a.port(), "POST", "/api/v1/plans/" + id + "/communication-secrets", null).body());
            String secret = secrets.get("webhookSecret").asString();

            JsonNode preview = json.readTree(call(a.port(), "GET", "/api/v1/plans/" + id + "/communications/weekly/preview", null).body());
            assertThat(preview.get("recipients").toString()).contains("claudia@example.org").contains("ralf@example.org").contains("/hook");
            assertThat(preview.get("html").asString()).contains("Weekly status");
            assertThat(outbox(a.port(), id)).isEmpty();

            Reply sent = call(a.port(), "POST", "/api/v1/plans/" + id + "/communications/weekly/send-now", null);
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            JsonNode box = outbox(a.port(), id);
            assertThat(box).hasSize(3);
            long mailId = -1;
            for (JsonNode m : box) {
                if (m.get("channel").asString().equals("email")) {
                    assertThat(m.get("status").asString()).isEqualTo("not-sent-no-mail-server");
                    mailId = m.get("id").asLong();
                } else {
                    assertThat(m.get("status").asString()).isEqualTo("sent");
                }
            }
            Reply eml = call(a.port(), "GET", "/api/v1/plans/" + id + "/outbox/" + mailId + "/eml", null);
            assertThat(eml.status()).isEqualTo(200);
            assertThat(eml.body()).contains("Subject: =?UTF-8?Q?Comms:_Weekly_status").contains("application/pdf").contains("text/html");

            assertThat(bodies).hasSize(1);
            assertThat(signatures.get(0)).isEqualTo(Delivery.signature(bodies.get(0), secret));
            assertThat(signatures.get(0)).isNotEqualTo(Delivery.signature(bodies.get(0), "a guessed secret"));
            JsonNode hook = json.readTree(bodies.get(0));
            assertThat(hook.get("text").asString()).contains("Weekly status");
            assertThat(hook.get("summary").asString()).startsWith("Comms: Weekly status");
            assertThat(hook.get("sections").get(0).get("activityTitle").asString()).isEqualTo("Comms");

            // the calendar feed opens with the plan's token only
            String feed = secrets.get("calendarPath").asString();
            Reply calendar = call(a.port(), "GET", feed, null);
            assertThat(calendar.status()).isEqualTo(200);
            assertThat(calendar.body()).contains("BEGIN:VCALENDAR").contains("Milestone: Done");
            HttpResponse<String> guessed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + a.port() + "/plans/" + id
                    + "/calendar.ics?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(guessed.statusCode()).isEqualTo(404);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * Notifications by e-mail, per the user's setting: each one as it comes, or one daily digest of all of them;
     * the in-app list keeps them either way. A user's text is escaped in the mail.
     */
    @Test
    void notificationsAreMailedEachOrAsOneDailyDigest() throws Exception {
        int smtp = freePort();
        mail = greenMail(smtp);
        PlanwrightServer.Running a = start(settings(null, smtp, BEFORE));
        long planId = importPlan(a.port(), PLAN);
        long admin = a.context().getBean(io.planwright.server.accounts.Accounts.class).find("admin").orElseThrow().id();
        var records = a.context().getBean(io.planwright.server.plans.FeedbackRecords.class);
        var notifications = a.context().getBean(io.planwright.server.feedback.Notifications.class);
        assertThat(call(a.port(), "PUT", "/api/v1/notifications/settings", "{\"delivery\":\"weekly\"}").status()).isEqualTo(400);
        assertThat(call(a.port(), "PUT", "/api/v1/notifications/settings", "{\"delivery\":\"digest\"}").body()).contains("say where to send");
        Reply set = call(a.port(), "PUT", "/api/v1/notifications/settings", "{\"delivery\":\"digest\",\"email\":\"admin@example.org\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        records.notify(admin, planId, "overdue", "Task <b>Design</b> is overdue", "/plans/" + planId, "t1", now);
        records.notify(admin, planId, "due", "Task Build is due in 2 days", "/plans/" + planId, "t2", now);
        notifications.mail(false);
        assertThat(mail.getReceivedMessages()).as("a digest user gets nothing one by one").isEmpty();
        notifications.mail(true);
        await("the digest", () -> mail.getReceivedMessages().length == 1);
        MimeMessage digest = mail.getReceivedMessages()[0];
        assertThat(digest.getSubject()).isEqualTo("Planwright: 2 notifications");
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(digest);
        assertThat(body).contains("Task &lt;b&gt;Design&lt;/b&gt; is overdue").contains("Build is due in 2 days");
        notifications.mail(true);
        Thread.sleep(500);
        assertThat(mail.getReceivedMessages()).as("mailed once").hasSize(1);
        // each: one mail per notification
        call(a.port(), "PUT", "/api/v1/notifications/settings", "{\"delivery\":\"each\",\"email\":\"admin@example.org\"}");
        records.notify(admin, planId, "assigned", "Task Test is assigned to you", "/plans/" + planId, "t3", now);
        notifications.mail(false);
        await("the single mail", () -> mail.getReceivedMessages().length == 2);
        assertThat(mail.getReceivedMessages()[1].getSubject()).isEqualTo("Planwright: Task Test is assigned to you");
        assertThat(json.readTree(call(a.port(), "GET", "/api/v1/notifications", null).body()).size()).isEqualTo(3);
    }
}
