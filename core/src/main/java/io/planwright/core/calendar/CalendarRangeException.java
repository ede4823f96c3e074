package io.planwright.core.calendar;

/** A date computation ran off the end of a calendar: it has no working time where one was needed. */
public final class CalendarRangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String calendarId;

    public CalendarRangeException(String calendarId, String reason) {
        super("calendar '" + calendarId + "' cannot be used: " + reason);
        this.calendarId = calendarId;
    }

    public String calendarId() {
        return calendarId;
    }
}
