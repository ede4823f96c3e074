package io.planwright.server.feedback;

import io.planwright.server.plans.FeedbackRecords;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The sign-off page of a plan (its deliverables and milestones needing approval, where each stands, the
 * requests; stakeholder members see it and decide theirs) and the caller's notifications page.
 */
@Controller
@ErrorPages
public class FeedbackPages {

    private final PageFrame frame;
    private final SignOffService signOff;
    private final FeedbackRecords records;

    public FeedbackPages(PageFrame frame, SignOffService signOff, FeedbackRecords records) {
        this.frame = frame;
        this.signOff = signOff;
        this.records = records;
    }

    @GetMapping("/plans/{planId}/sign-off")
    public String signOff(@PathVariable long planId, Model model, HttpServletRequest request) {
        frame.commonForStakeholders(model, request, planId);
        model.addAttribute("page", "sign-off");
        model.addAttribute("items", signOff.items(planId));
        model.addAttribute("myStakeholder", records.stakeholderOf(planId, frame.account().id()).orElse(""));
        return "feedback/sign-off";
    }

    @GetMapping("/notifications")
    public String notifications(Model model, HttpServletRequest request) {
        frame.common(model, request, null);
        model.addAttribute("notifications", records.notifications(frame.account().id(), 100));
        model.addAttribute("setting", records.setting(frame.account().id()));
        return "feedback/notifications";
    }
}
