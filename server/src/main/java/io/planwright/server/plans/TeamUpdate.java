package io.planwright.server.plans;

import java.time.LocalDateTime;

/**
 * Progress a team member submitted on a task assigned to their resource, and what became of it:
 * {@code submitted} (waiting for an owner or editor), {@code accepted} (it became {@code revision} of the
 * plan) or {@code rejected}; either way it stays on record. Work as durations ({@code 16h}, {@code 2d}).
 */
public record TeamUpdate(long id, String taskId, String resourceId, String submittedBy, LocalDateTime submittedAt, String actualWork,
                         String remainingWork, Double percentComplete, String comment, String status, String decidedBy, LocalDateTime decidedAt,
                         String decisionComment, Long revision) {

    public static final String SUBMITTED = "submitted";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";

    public boolean isSubmitted() {
        return SUBMITTED.equals(status);
    }
}
