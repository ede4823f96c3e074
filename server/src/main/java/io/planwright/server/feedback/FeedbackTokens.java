package io.planwright.server.feedback;

import io.planwright.server.plans.FeedbackRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed links for people without an account: the plan, the item, the recipient (a stakeholder id), the
 * purpose (feedback or approval), the expiry and a random nonce, signed with HMAC-SHA256 under the
 * server's secret ({@code planwright.feedback.secret}, else one generated on first start and kept in the
 * database), written URL-safe. Changing any part breaks the signature; the nonce makes each link answer
 * once (the used ones are kept).
 */
@Component
public class FeedbackTokens {

    public static final String FEEDBACK = "feedback";
    public static final String APPROVAL = "approval";

    /** What a link says, once its signature is checked. */
    public record Claims(long planId, String itemId, String stakeholderId, String purpose, long expiresAt, String nonce) {
    }

    /** Why a link is refused. */
    public static final class BadLink extends RuntimeException {
        private final boolean expired;

        BadLink(String message, boolean expired) {
            super(message);
            this.expired = expired;
        }

        public boolean expired() {
            return expired;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final FeedbackRecords records;
    private final String configured;
    private volatile byte[] key;

    public FeedbackTokens(FeedbackRecords records, @Value("${planwright.feedback.secret:}") String configured) {
        this.records = records;
        this.configured = configured;
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            String secret = configured != null && !configured.isBlank() ? configured : records.secret("feedback-links", () -> {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                return B64.encodeToString(bytes);
            });
            key = k = secret.getBytes(StandardCharsets.UTF_8);
        }
        return k;
    }

    /** A signed link's token for the plan's item and recipient, of one purpose, valid until {@code expiresAt}. */
    public String sign(long planId, String itemId, String stakeholderId, String purpose, Instant expiresAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String payload = String.join("\n", Long.toString(planId), itemId, stakeholderId, purpose, Long.toString(expiresAt.getEpochSecond()),
                B64.encodeToString(nonce));
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(mac(bytes));
    }

    /** What the token says, when its signature holds and it has not expired at {@code now}; else {@link BadLink}. */
    public Claims verify(String token, Instant now) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0 || token.length() > 2000) {
            throw new BadLink("this link is not valid", false);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new BadLink("this link is not valid", false);
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new BadLink("this link is not valid: it was changed or cut short", false);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 6) {
            throw new BadLink("this link is not valid", false);
        }
        Claims c = new Claims(Long.parseLong(parts[0]), parts[1], parts[2], parts[3], Long.parseLong(parts[4]), parts[5]);
        if (now.getEpochSecond() >= c.expiresAt()) {
            throw new BadLink("this link has expired: ask the project team for a new one", true);
        }
        return c;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
