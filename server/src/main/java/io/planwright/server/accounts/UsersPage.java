package io.planwright.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The administrator's Users page: who may sign in, a new user, a new password for one who forgot theirs,
 * disabling and enabling. Changes go through the accounts API (/api/v1/users) from the page's forms,
 * with the session and its CSRF token. Anyone else gets "not found", as for a plan they may not see.
 */
@Controller
public class UsersPage {

    private final Accounts accounts;

    public UsersPage(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    public String users(Model model, HttpServletRequest request, HttpServletResponse response) {
        Account me = Accounts.current().orElseThrow();
        model.addAttribute("me", me.getUsername());
        model.addAttribute("isAdmin", me.admin());
        if (!me.admin()) {
            response.setStatus(404);
            model.addAttribute("status", 404);
            model.addAttribute("message", "There is no such page here, or you may not see it.");
            return "error";
        }
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            model.addAttribute("csrfHeader", csrf.getHeaderName());
            model.addAttribute("csrfToken", csrf.getToken());
        }
        model.addAttribute("users", accounts.users());
        return "accounts/users";
    }
}
