package app.homeward.homework;

import app.homeward.base.DomainException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When homework is due, in the client's own time zone: once on a date, daily, on chosen weekdays,
 * or every N days, from a start date until an end date or for a number of times, at a time of day.
 * Due instants come from {@link ZonedDateTime#of}: a time inside a spring-forward gap moves to just
 * after it, and in an autumn overlap the earlier of the two instants is used, so 20:00 stays 20:00
 * on the wall clock on both sides of a daylight-saving change.
 */
public record Schedule(Kind kind, LocalDate start, LocalDate end, Integer times, LocalTime timeOfDay,
                       Set<DayOfWeek> weekdays, Integer everyDays, ZoneId zone) {

    /** The most occurrences one plan may have (a year of daily practice). */
    public static final int MAX_OCCURRENCES = 366;

    public enum Kind { ONCE, DAILY, WEEKDAYS, EVERY_N_DAYS }

    public Schedule {
        weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    }

    public static Schedule once(LocalDate date, LocalTime time, ZoneId zone) {
        return new Schedule(Kind.ONCE, date, null, null, time, null, null, zone);
    }

    /**
     * The same schedule moved to start on {@code day}: same kind, time of day, days and count; an end
     * date keeps the plan's length in days. Used when a plan starts later than it was made (carry-over,
     * the next step of a ladder, a choice made by the client). A chosen-days plan whose moved window
     * would hold none of its days is stretched to the first of them, so the moved plan is never empty.
     */
    public Schedule startingOn(LocalDate day) {
        if (end == null || start == null) {
            return new Schedule(kind, day, end, times, timeOfDay, weekdays, everyDays, zone);
        }
        LocalDate movedEnd = day.plusDays(ChronoUnit.DAYS.between(start, end));
        if (kind == Kind.WEEKDAYS && !weekdays.isEmpty()) {
            for (int i = 0; i < 7 && day.datesUntil(movedEnd.plusDays(1)).noneMatch(d -> weekdays.contains(d.getDayOfWeek())); i++) {
                movedEnd = movedEnd.plusDays(1);
            }
        }
        return new Schedule(kind, day, movedEnd, times, timeOfDay, weekdays, everyDays, zone);
    }

    /**
     * The local date-times this schedule produces, in order.
     *
     * @throws DomainException with the form field it belongs to when the schedule is impossible
     */
    public List<ZonedDateTime> occurrences() {
        check();
        List<ZonedDateTime> result = new ArrayList<>();
        LocalDate day = start;
        int step = kind == Kind.EVERY_N_DAYS ? everyDays : 1;
        while (true) {
            if (end != null && day.isAfter(end)) {
                break;
            }
            if (kind != Kind.WEEKDAYS || weekdays.contains(day.getDayOfWeek())) {
                result.add(ZonedDateTime.of(day, timeOfDay, zone));
                if (kind == Kind.ONCE || times != null && result.size() == times) {
                    break;
                }
                if (result.size() > MAX_OCCURRENCES) {
                    throw new DomainException("schedule", "schedule.too-many", MAX_OCCURRENCES);
                }
            }
            day = day.plusDays(step);
        }
        if (result.isEmpty()) {
            throw new DomainException("schedule", "schedule.none");
        }
        return result;
    }

    private void check() {
        if (kind == null) {
            throw new DomainException("schedule", "validation.choose");
        }
        if (start == null) {
            throw new DomainException("start", "validation.required");
        }
        if (timeOfDay == null) {
            throw new DomainException("time", "validation.required");
        }
        if (zone == null) {
            throw new DomainException("timeZone", "client.time-zone");
        }
        if (kind == Kind.ONCE) {
            return;
        }
        if (end == null && times == null) {
            throw new DomainException("end", "schedule.end-or-times");
        }
        if (end != null && end.isBefore(start)) {
            throw new DomainException("end", "schedule.end-before-start");
        }
        if (times != null && (times < 1 || times > MAX_OCCURRENCES)) {
            throw new DomainException("times", "schedule.times", MAX_OCCURRENCES);
        }
        if (kind == Kind.WEEKDAYS && weekdays.isEmpty()) {
            throw new DomainException("weekdays", "schedule.weekdays");
        }
        if (kind == Kind.EVERY_N_DAYS && (everyDays == null || everyDays < 2 || everyDays > 60)) {
            throw new DomainException("everyDays", "schedule.every-days");
        }
        if (end != null && end.isAfter(start.plusYears(2))) {
            throw new DomainException("end", "schedule.too-many", MAX_OCCURRENCES);
        }
    }
}
