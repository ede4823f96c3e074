package io.planwright.server.plans;

import io.planwright.server.shared.NotFound;
import io.planwright.server.accounts.Account;
import io.planwright.server.accounts.Accounts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's role in a plan: owner (everything, members included), editor (changes the plan),
 * contributor (reads it and reports progress on the work of the resource they are linked to), viewer
 * (reads it), and below them all stakeholder (linked to a stakeholder of the plan: sees the dashboard,
 * the status and the sign-off page, gives feedback and approves what is asked of them; nothing else:
 * every check for viewer or more refuses them, and only what is marked {@link ForStakeholders} lets them in). A plan the user has no role in does not exist for them (404); a role too small for the
 * request is 403. Administrators are owners of every plan.
 */
@Component
public class PlanAccess {

    public enum Role {
        STAKEHOLDER, VIEWER, CONTRIBUTOR, EDITOR, OWNER;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    private final PlanStore store;

    public PlanAccess(PlanStore store) {
        this.store = store;
    }

    public Account account() {
        return Accounts.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }

    /** The caller's role in the plan, at least {@code needed}; else 404 (no role) or 403 (too small a role). */
    public Role require(long planId, Role needed) {
        Role role = roleOf(planId);
        if (role.compareTo(needed) < 0) {
            throw new AccessDeniedException("a " + needed.text() + " of the plan may do this; you are a " + role.text());
        }
        return role;
    }

    public Role roleOf(long planId) {
        Account account = account();
        if (store.revision(planId).isEmpty()) {
            throw new NotFound("plan " + planId);
        }
        if (account.admin()) {
            return Role.OWNER;
        }
        return store.role(planId, account.id()).map(Role::of).orElseThrow(() -> new NotFound("plan " + planId));
    }

    /** The resource of the plan the caller is linked to as a member (what "My work" is about), if any. */
    public Optional<String> linkedResource(long planId) {
        return store.resourceOf(planId, account().id());
    }
}
