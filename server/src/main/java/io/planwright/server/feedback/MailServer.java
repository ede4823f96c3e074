package io.planwright.server.feedback;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The {@link Mailer}: through Spring's JavaMailSender when a mail server is configured
 * ({@code spring.mail.host}); without one, it logs what it would have sent and says so ("not sent: no
 * mail server"), which the notifications keep beside each message.
 */
@Component
public class MailServer implements Mailer {

    /** What a message not sent for want of a mail server is marked with. */
    public static final String NO_MAIL_SERVER = "not sent: no mail server";

    private static final Logger LOG = LoggerFactory.getLogger(MailServer.class);

    private final ObjectProvider<JavaMailSender> sender;

    public MailServer(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
    }

    @Override
    public boolean send(String to, String subject, String html) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            LOG.info("{} to {}: {}", NO_MAIL_SERVER, to, subject);
            return false;
        }
        try {
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, "UTF-8");
            h.setTo(to);
            h.setSubject(subject);
            h.setText(html, true);
            mail.send(m);
            return true;
        } catch (Exception e) {
            LOG.warn("could not send '{}' to {}", subject, to, e);
            return false;
        }
    }
}
