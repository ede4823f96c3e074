package io.planwright.server.web;

import io.planwright.server.shared.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors on pages: a page that cannot be shown answers with the error page (its status and a sentence),
 * not with the API's problem details. Only for the page controllers marked {@link ErrorPages}, and
 * before the API's advice; what is not handled here goes on to it.
 */
@ControllerAdvice(annotations = ErrorPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {

    @ExceptionHandler(NotFound.class)
    public String notFound(NotFound e, Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("message", "There is no " + e.getMessage() + " here, or you may not see it.");
        return "error";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public String badRequest(IllegalArgumentException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("message", e.getMessage() == null ? "The request could not be understood." : e.getMessage());
        return "error";
    }

    @ExceptionHandler(AccessDeniedException.class)
    public String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("message", "You may not do this: " + e.getMessage() + ".");
        return "error";
    }
}
