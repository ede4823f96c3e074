package io.planwright.server.feedback;

import org.springframework.stereotype.Component;

import java.util.List;

/** The approvals of a plan waiting for a decision, oldest first (the dashboard lists them; so does the status report). */
@Component
public class WaitingDecisions {

    private final SignOffService signOff;

    public WaitingDecisions(SignOffService signOff) {
        this.signOff = signOff;
    }

    public List<Waiting> waiting(long planId) {
        return signOff.waiting(planId);
    }
}
