package io.planwright.server.feedback;

import java.time.LocalDateTime;

/** An approval waiting for a decision: the request, what it is about (a deliverable or a milestone), who is to decide, since when. */
public record Waiting(long approvalId, String itemKind, String itemId, String itemName, String approver, String approverName,
                      LocalDateTime requestedAt) {
}
