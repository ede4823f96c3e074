package io.planwright.server.communication;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The channels a message goes out on: e-mail over SMTP (Spring's JavaMailSender, there when
 * {@code spring.mail.host} is set), a webhook (a JSON body that Slack and Teams both take, signed with the
 * plan's secret in {@code X-Planwright-Signature: sha256=<hex HMAC-SHA256 of the body>}), and the same
 * e-mail written as an .eml file.
 */
@Component
public class Delivery {

    public static final String SIGNATURE_HEADER = "X-Planwright-Signature";

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public Delivery(ObjectProvider<JavaMailSender> mail, @Value("${planwright.mail.from:${spring.mail.username:planwright@localhost}}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** Whether a mail server is configured. */
    public boolean hasMailServer() {
        return mail.getIfAvailable() != null;
    }

    /** Sends an e-mail message of the outbox; throws with the server's answer when it is refused. */
    public void email(Outbox.Message m) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server");
        }
        MimeMessage message = sender.createMimeMessage();
        fill(message, m);
        sender.send(message);
    }

    /** The message as an .eml file (RFC 5322), as it would be sent. */
    public byte[] eml(Outbox.Message m) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            fill(message, m);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not write the message as .eml: " + e.getMessage(), e);
        }
    }

    private void fill(MimeMessage message, Outbox.Message m) throws MessagingException {
        MimeMessageHelper h = new MimeMessageHelper(message, true, "UTF-8");
        h.setFrom(from);
        h.setTo(m.recipients());
        h.setSubject(m.subject());
        h.setText(Texts.plain(m.bodyHtml()), m.bodyHtml());
        if (m.attachment() != null) {
            h.addAttachment(m.attachmentName() == null ? "report.pdf" : m.attachmentName(), new ByteArrayResource(m.attachment()), "application/pdf");
        }
        message.setHeader("X-Planwright-Message", m.planId() + "/" + m.id());
    }

    /** The webhook body: Slack's {@code text}, and the MessageCard keys Teams reads ({@code summary}, {@code title}, {@code sections}). */
    public byte[] webhookBody(Outbox.Message m, String planName) {
        ObjectNode root = json.createObjectNode();
        String text = Texts.plain(m.bodyHtml());
        root.put("text", "*" + m.subject() + "*\n" + text);
        root.put("@type", "MessageCard");
        root.put("@context", "https://schema.org/extensions");
        root.put("summary", m.subject());
        root.put("title", m.subject());
        ObjectNode section = root.putArray("sections").addObject();
        section.put("activityTitle", planName);
        section.put("text", text.replace("\n", "  \n"));
        ObjectNode pw = root.putObject("planwright");
        pw.put("plan", m.planId());
        pw.put("item", m.itemId());
        pw.put("period", m.periodKey());
        pw.put("message", m.id());
        return json.writeValueAsBytes(root);
    }

    /** The signature header's value for a body. */
    public static String signature(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts to a webhook; throws with the receiver's answer unless it is 2xx. */
    public void webhook(String url, byte[] body, String secret) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE_HEADER, signature(body, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String answer = r.body() == null ? "" : r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
            throw new IOException("the webhook answered " + r.statusCode() + (answer.isBlank() ? "" : ": " + answer));
        }
    }
}
