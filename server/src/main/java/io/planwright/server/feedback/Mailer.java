package io.planwright.server.feedback;

/** Sends an e-mail (the outbox of the communication feature sends through the same interface). */
public interface Mailer {

    /** Sends the message; false when it could not be sent (no mail server), which the caller records. */
    boolean send(String to, String subject, String html);
}
