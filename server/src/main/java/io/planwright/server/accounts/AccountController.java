package io.planwright.server.accounts;

import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.TooManyFailures;
import io.planwright.server.shared.EntryExists;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The signed-in user, their API tokens, and (for administrators) the users. */
@RestController
@RequestMapping("/api/v1")
public class AccountController {

    public record Me(long id, String username, boolean admin) {
    }

    public record NewToken(String name) {
    }

    /** A token as made: the only time the token itself is shown. */
    public record CreatedToken(String name, String token) {
    }

    public record PasswordChange(String current, String password) {
    }

    public record NewUser(String username, String password, boolean admin) {
    }

    public record NewPassword(String password) {
    }

    public record Disabled(Boolean disabled) {
    }

    private final Accounts accounts;
    private final PasswordEncoder passwords;

    public AccountController(Accounts accounts, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    private static Account me() {
        return Accounts.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
    }

    @GetMapping("/me")
    public Me whoAmI() {
        Account a = me();
        return new Me(a.id(), a.getUsername(), a.admin());
    }

    @PutMapping("/me/password")
    public ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
        Account a = me();
        Account stored = accounts.find(a.getUsername()).orElseThrow();
        // guesses of the current password count with the login's: a stolen token or session may not try forever
        java.time.Duration wait = accounts.lockedFor(stored.getUsername());
        if (!wait.isZero()) {
            throw new TooManyFailures(wait);
        }
        if (change.current() == null || !passwords.matches(change.current(), stored.getPassword())) {
            accounts.loginFailed(stored.getUsername());
            throw new AccessDeniedException("the current password is not right");
        }
        accounts.loginSucceeded(stored.getUsername());
        checkPassword(change.password());
        accounts.changePassword(a.id(), change.password());
        return ResponseEntity.noContent().build();
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new IllegalArgumentException("a password has 12 to 200 characters");
        }
    }

    @GetMapping("/tokens")
    public List<Accounts.TokenInfo> tokens() {
        return accounts.tokens(me().id());
    }

    @PostMapping("/tokens")
    public ResponseEntity<CreatedToken> createToken(@RequestBody NewToken body) {
        String name = body.name() == null || body.name().isBlank() ? "token" : body.name().strip();
        if (name.length() > 100) {
            throw new IllegalArgumentException("a token's name has at most 100 characters");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedToken(name, accounts.createToken(me().id(), name)));
    }

    @DeleteMapping("/tokens/{id}")
    public ResponseEntity<Void> revokeToken(@PathVariable long id) {
        if (!accounts.revokeToken(me().id(), id)) {
            throw new NotFound("token " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/users")
    public List<Accounts.UserInfo> users() {
        requireAdmin();
        return accounts.users();
    }

    @PostMapping("/users")
    public ResponseEntity<Me> createUser(@RequestBody NewUser body) {
        requireAdmin();
        if (body.username() == null || !body.username().matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalArgumentException("a user name has 1 to 100 letters, digits and . _ @ -");
        }
        checkPassword(body.password());
        Account created = accounts.create(body.username(), body.password(), body.admin())
                .orElseThrow(() -> new EntryExists("user '" + body.username() + "' exists already"));
        return ResponseEntity.status(HttpStatus.CREATED).body(new Me(created.id(), created.getUsername(), created.admin()));
    }

    /** An administrator sets a new password for a user (who has forgotten theirs). */
    @PutMapping("/users/{username}/password")
    public ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
        requireAdmin();
        checkPassword(body.password());
        if (!accounts.resetPassword(username, body.password())) {
            throw new NotFound("user '" + username + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** An administrator disables a user (or enables them again); nobody disables themselves. */
    @PutMapping("/users/{username}/disabled")
    public ResponseEntity<Void> disable(@PathVariable String username, @RequestBody Disabled body) {
        requireAdmin();
        if (body.disabled() == null) {
            throw new IllegalArgumentException("say whether the user is disabled: {\"disabled\": true} or false");
        }
        if (body.disabled() && me().getUsername().equals(username)) {
            throw new IllegalArgumentException("you cannot disable yourself: another administrator can");
        }
        if (!accounts.setDisabled(username, body.disabled())) {
            throw new NotFound("user '" + username + "'");
        }
        return ResponseEntity.noContent().build();
    }

    private static void requireAdmin() {
        if (!me().admin()) {
            throw new AccessDeniedException("only an administrator may manage users");
        }
    }
}
