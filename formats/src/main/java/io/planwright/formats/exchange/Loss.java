package io.planwright.formats.exchange;

/**
 * Something a file held that the Planwright model could not carry over, or carried over changed:
 * reported, never dropped silently.
 *
 * @param taskId   the task it concerns, or null for the whole file
 * @param taskName its name in the file
 */
public record Loss(String taskId, String taskName, String message) {

    public String describe() {
        if (taskId == null) {
            return message;
        }
        return "task '" + taskId + "' (" + taskName + "): " + message;
    }
}
