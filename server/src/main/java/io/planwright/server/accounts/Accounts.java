package io.planwright.server.accounts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Users (passwords hashed with BCrypt), their API tokens (random, shown once, kept as a SHA-256 hash)
 * and the failed-login counts that throttle guessing; all in the database, so every server process
 * sees the same.
 */
@Service
public class Accounts implements UserDetailsService {

    /** A token as listed: never the token itself. */
    public record TokenInfo(long id, String name, LocalDateTime createdAt, LocalDateTime lastUsedAt, boolean revoked) {
    }

    /** A user as listed. */
    public record UserInfo(long id, String username, boolean admin, LocalDateTime createdAt, boolean disabled) {
    }

    public static final int FREE_FAILURES = 5;
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    public Accounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** The signed-in account of this request, if any. */
    public static Optional<Account> current() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof Account account ? Optional.of(account) : Optional.empty();
    }

    @Override
    public Account loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<Account> find(String username) {
        return jdbc.query("select id, username, password_hash, admin, disabled from users where username = ?",
                (rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), !rs.getBoolean(5)), username).stream().findFirst();
    }

    public long countUsers() {
        Long n = jdbc.queryForObject("select count(*) from users", Long.class);
        return n == null ? 0 : n;
    }

    /** A new user; empty if the name is taken. */
    public Optional<Account> create(String username, String password, boolean admin) {
        try {
            jdbc.update("insert into users (username, password_hash, admin, created_at) values (?, ?, ?, ?)", username,
                    passwords.encode(password), admin, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return find(username);
    }

    public void changePassword(long userId, String password) {
        jdbc.update("update users set password_hash = ? where id = ?", passwords.encode(password), userId);
    }

    public List<UserInfo> users() {
        return jdbc.query("select id, username, admin, created_at, disabled from users order by username",
                (rs, n) -> new UserInfo(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getTimestamp(4).toLocalDateTime(), rs.getBoolean(5)));
    }

    /** An administrator's new password for a user; false if there is no such user. */
    public boolean resetPassword(String username, String password) {
        return jdbc.update("update users set password_hash = ? where username = ?", passwords.encode(password), username) == 1;
    }

    /** Disables (or enables again) a user: a disabled user can neither sign in nor use a token. False if there is no such user. */
    public boolean setDisabled(String username, boolean disabled) {
        return jdbc.update("update users set disabled = ? where username = ?", disabled, username) == 1;
    }

    /** Whether the account of a signed-in session has been disabled since it signed in. */
    public boolean isDisabled(long userId) {
        Boolean d = jdbc.query("select disabled from users where id = ?", rs -> rs.next() ? rs.getBoolean(1) : Boolean.TRUE, userId);
        return d == null || d;
    }

    // ------------------------------------------------------------------ API tokens

    /** A new token for the user: the token itself, which is not kept and cannot be shown again. */
    public String createToken(long userId, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "pw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("insert into api_tokens (user_id, name, token_hash, created_at) values (?, ?, ?, ?)", userId, name, hash(token),
                Timestamp.from(Instant.now()));
        return token;
    }

    /** The account a token belongs to, if the token is valid and not revoked. */
    public Optional<Account> byToken(String token) {
        if (token == null || !token.startsWith("pw_") || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        List<Account> found = jdbc.query("select u.id, u.username, u.password_hash, u.admin from api_tokens t join users u on u.id = t.user_id"
                        + " where t.token_hash = ? and t.revoked_at is null and not u.disabled",
                (rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("update api_tokens set last_used_at = ? where token_hash = ? and (last_used_at is null or last_used_at < ?)",
                Timestamp.from(Instant.now()), hash, Timestamp.from(Instant.now().minusSeconds(60)));
        return Optional.of(found.get(0));
    }

    public List<TokenInfo> tokens(long userId) {
        return jdbc.query("select id, name, created_at, last_used_at, revoked_at from api_tokens where user_id = ? order by id",
                (rs, n) -> new TokenInfo(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toLocalDateTime(), rs.getTimestamp(5) != null), userId);
    }

    public boolean revokeToken(long userId, long tokenId) {
        return jdbc.update("update api_tokens set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
                Timestamp.from(Instant.now()), tokenId, userId) == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ throttling

    /** How long this user must wait before the next login attempt; zero when they may try now. */
    public Duration lockedFor(String username) {
        List<Object[]> rows = jdbc.query("select failures, last_failure from login_failures where username = ?",
                (rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()}, username);
        if (rows.isEmpty()) {
            return Duration.ZERO;
        }
        int failures = (Integer) rows.get(0)[0];
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration lock = Duration.ofSeconds(30L << Math.min(10, failures - FREE_FAILURES));
        if (lock.compareTo(MAX_LOCK) > 0) {
            lock = MAX_LOCK;
        }
        Instant until = ((Instant) rows.get(0)[1]).plus(lock);
        Duration left = Duration.between(Instant.now(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void loginFailed(String username) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("update login_failures set failures = failures + 1, last_failure = ? where username = ?", now, username) == 0) {
            try {
                jdbc.update("insert into login_failures (username, failures, last_failure) values (?, 1, ?)", username, now);
            } catch (DuplicateKeyException e) {
                jdbc.update("update login_failures set failures = failures + 1, last_failure = ? where username = ?", now, username);
            }
        }
    }

    public void loginSucceeded(String username) {
        jdbc.update("delete from login_failures where username = ?", username);
    }
}
