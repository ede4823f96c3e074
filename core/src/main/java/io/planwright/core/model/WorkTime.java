package io.planwright.core.model;

/**
 * How long a working day, week and month are when a duration is typed in days, weeks or months.
 * The defaults are Microsoft Project's: 8 hours a day, 40 hours a week, 20 days a month.
 */
public record WorkTime(int minutesPerDay, int minutesPerWeek, int daysPerMonth) {

    public static final WorkTime STANDARD = new WorkTime(480, 2400, 20);

    public WorkTime {
        if (minutesPerDay <= 0 || minutesPerDay > 1440) {
            throw new IllegalArgumentException("hours per day must be between 0 and 24");
        }
        if (minutesPerWeek <= 0 || minutesPerWeek > 7 * 1440) {
            throw new IllegalArgumentException("hours per week must be between 0 and 168");
        }
        if (daysPerMonth <= 0 || daysPerMonth > 31) {
            throw new IllegalArgumentException("days per month must be between 1 and 31");
        }
    }
}
