package io.planwright.server.accounts;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A signed-in user: who they are for the plans' roles and the history. */
public final class Account extends User {

    private final long id;
    private final boolean admin;

    public Account(long id, String username, String passwordHash, boolean admin) {
        this(id, username, passwordHash, admin, true);
    }

    public Account(long id, String username, String passwordHash, boolean admin, boolean enabled) {
        super(username, passwordHash == null ? "" : passwordHash, enabled, true, true, true, authorities(admin));
        this.id = id;
        this.admin = admin;
    }

    private static List<GrantedAuthority> authorities(boolean admin) {
        return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    public long id() {
        return id;
    }

    public boolean admin() {
        return admin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Account a && a.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}
