package io.planwright.server.accounts;

import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, with why the last sign-in failed. */
@Controller
@ErrorPages
public class LoginPage {

    @GetMapping("/login")
    public String login(HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        Object last = session == null ? null : session.getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        model.addAttribute("loginError", last instanceof LockedException locked
                ? "Too many failed sign-ins: " + locked.getMessage() + "." : "Wrong user name or password.");
        return "accounts/login";
    }
}
