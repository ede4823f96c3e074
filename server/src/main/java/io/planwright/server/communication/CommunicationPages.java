package io.planwright.server.communication;

import io.planwright.core.model.Frequency;
import io.planwright.server.plans.PageFrame;
import io.planwright.server.plans.PlanState;
import io.planwright.server.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The communication plan's page (each item with its schedule, next send time, last message, and pause,
 * resume, send now and preview; the outbox below), an item's preview, each user's inbox, and the plan's
 * calendar feed, which calendar apps read with the plan's token instead of a session.
 */
@Controller
@ErrorPages
public class CommunicationPages {

    private final PageFrame frame;
    private final CommunicationService communication;

    public CommunicationPages(PageFrame frame, CommunicationService communication) {
        this.frame = frame;
        this.communication = communication;
    }

    @GetMapping("/plans/{planId}/communications")
    public String communications(@PathVariable long planId, Model model, HttpServletRequest request) {
        PlanState state = frame.common(model, request, planId);
        model.addAttribute("page", "communications");
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("problemsByPath", frame.problemsByPath(state, "communications/"));
        Map<String, CommunicationService.ItemState> states = new LinkedHashMap<>();
        communication.states(planId).forEach(s -> states.put(s.itemId(), s));
        model.addAttribute("states", states);
        model.addAttribute("outbox", communication.outbox(planId, null));
        return "communication/communications";
    }

    @GetMapping("/plans/{planId}/communications/{itemId}/preview")
    public String preview(@PathVariable long planId, @PathVariable String itemId, Model model, HttpServletRequest request) {
        frame.common(model, request, planId);
        model.addAttribute("page", "communications");
        model.addAttribute("itemId", itemId);
        model.addAttribute("preview", communication.preview(planId, itemId));
        return "communication/preview";
    }

    @GetMapping("/inbox")
    public String inbox(Model model, HttpServletRequest request) {
        frame.common(model, request, null);
        model.addAttribute("messages", communication.inbox(String.valueOf(model.getAttribute("me"))));
        return "communication/inbox";
    }

    /** The plan's milestones, deadlines and meetings as iCalendar, for whoever has the plan's calendar token. */
    @GetMapping(value = "/plans/{planId}/calendar.ics", produces = "text/calendar")
    public ResponseEntity<byte[]> calendar(@PathVariable long planId, @RequestParam(required = false) String token) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=utf-8")).body(communication.calendar(planId, token));
    }
}
