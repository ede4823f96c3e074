package io.planwright.server.feedback;

import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.FieldProblem;
import io.planwright.server.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The public forms a signed link opens, for people without an account ({@code /f/{token}}): feedback
 * (confidence, comment, the item's questions) or an approval (approve or reject, with a comment). The
 * token is the credential: Spring Security lets these paths through without a session and without a CSRF
 * token (a forged cross-site post would need the token, which is the secret), see SecurityConfig.
 */
@Controller
public class FeedbackForm {

    private final FeedbackService feedback;

    public FeedbackForm(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @GetMapping("/f/{token}")
    public String form(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            FeedbackService.Form form = feedback.form(token);
            model.addAttribute("form", form);
            model.addAttribute("token", token);
            if (form.answered()) {
                response.setStatus(409);
                model.addAttribute("message", FeedbackTokens.APPROVAL.equals(form.purpose()) ? "This approval was decided already." : "This link was answered already: thank you.");
                return "feedback/done";
            }
            return "feedback/form";
        } catch (FeedbackTokens.BadLink e) {
            return refused(e, model, response);
        } catch (NotFound e) {
            response.setStatus(404);
            model.addAttribute("message", "What this link was about is no longer there.");
            return "feedback/done";
        }
    }

    @PostMapping("/f/{token}")
    public String submit(@PathVariable String token, @RequestParam(required = false) Integer confidence, @RequestParam(required = false) String comment,
                         @RequestParam(required = false) String decision, HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            FeedbackService.Form form = feedback.form(token);
            model.addAttribute("form", form);
            if (FeedbackTokens.APPROVAL.equals(form.purpose())) {
                if (!"approve".equals(decision) && !"reject".equals(decision)) {
                    throw new FieldProblem("decision", "approve or reject");
                }
                feedback.decide(token, "approve".equals(decision), comment);
                model.addAttribute("message", "approve".equals(decision) ? "Approved: thank you." : "Rejected: thank you, the project team will be in touch.");
            } else {
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < form.questions().size(); i++) {
                    answers.add(request.getParameter("q" + i));
                }
                feedback.answer(token, confidence, comment, answers);
                model.addAttribute("message", "Thank you: your feedback has reached the project team.");
            }
            return "feedback/done";
        } catch (FeedbackTokens.BadLink e) {
            return refused(e, model, response);
        } catch (EntryExists e) {
            response.setStatus(409);
            model.addAttribute("message", FeedbackTokens.APPROVAL.equals(((FeedbackService.Form) model.getAttribute("form")).purpose())
                    ? "This approval was decided already." : "This link was answered already: thank you.");
            return "feedback/done";
        } catch (FieldProblem e) {
            response.setStatus(400);
            model.addAttribute("token", token);
            model.addAttribute("problem", e.getMessage());
            return "feedback/form";
        } catch (NotFound e) {
            response.setStatus(404);
            model.addAttribute("message", "What this link was about is no longer there.");
            return "feedback/done";
        }
    }

    private static String refused(FeedbackTokens.BadLink e, Model model, HttpServletResponse response) {
        response.setStatus(e.expired() ? 410 : 403);
        model.addAttribute("message", e.getMessage());
        return "feedback/done";
    }
}
