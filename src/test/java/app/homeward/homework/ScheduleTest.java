package app.homeward.homework;

import app.homeward.base.DomainException;
import app.homeward.homework.Schedule.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * When homework falls due: wall-clock time in the client's zone across daylight-saving changes,
 * the four kinds of schedule, and the message and field for each impossible schedule.
 *
 * <p>Unknown zone ids ("Mars/Olympus") cannot reach a {@link Schedule}: {@code ZoneId.of} throws
 * first, and the form input is checked by {@code ClientService.zone(String)}, which is
 * package-private in another package and therefore not tested here.
 */
class ScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);

    private static Schedule daily(LocalDate start, LocalDate end, Integer times, LocalTime time, ZoneId zone) {
        return new Schedule(Kind.DAILY, start, end, times, time, null, null, zone);
    }

    private static Schedule daily(LocalDate start, LocalDate end) {
        return daily(start, end, null, EIGHT_PM, BERLIN);
    }

    private static List<Instant> instants(Schedule schedule) {
        return schedule.occurrences().stream().map(ZonedDateTime::toInstant).toList();
    }

    private static List<LocalDate> dates(Schedule schedule) {
        return schedule.occurrences().stream().map(ZonedDateTime::toLocalDate).toList();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant i(String iso) {
        return Instant.parse(iso);
    }

    private static DomainException failure(Schedule schedule) {
        DomainException e = catchThrowableOfType(DomainException.class, schedule::occurrences);
        assertThat(e).as("an impossible schedule throws a DomainException").isNotNull();
        return e;
    }

    private static void assertRejected(Schedule schedule, String field, String key) {
        DomainException e = failure(schedule);
        assertThat(e.field()).as("field").isEqualTo(field);
        assertThat(e.messageKey()).as("message key").isEqualTo(key);
    }

    @Nested
    class DaylightSaving {

        @Test
        void theCalendarIsWhatTheTestsAssume() {
            assertThat(d("2026-03-08").getDayOfWeek()).isEqualTo(SUNDAY);
            assertThat(d("2026-11-01").getDayOfWeek()).isEqualTo(SUNDAY);
            assertThat(d("2026-03-29").getDayOfWeek()).isEqualTo(SUNDAY);
            assertThat(d("2026-10-25").getDayOfWeek()).isEqualTo(SUNDAY);
        }

        @Test
        void newYorkSpringForwardKeepsEightPmAndMovesTheInstantAnHourEarlier() {
            Schedule s = daily(d("2026-03-06"), d("2026-03-10"), null, EIGHT_PM, NEW_YORK);
            assertThat(instants(s)).containsExactly(
                    i("2026-03-07T01:00:00Z"),  // Fri 6 March 20:00 EST (-05:00)
                    i("2026-03-08T01:00:00Z"),  // Sat 7 March 20:00 EST
                    i("2026-03-09T00:00:00Z"),  // Sun 8 March 20:00 EDT (-04:00), the change day
                    i("2026-03-10T00:00:00Z"),  // Mon 9 March 20:00 EDT
                    i("2026-03-11T00:00:00Z")); // Tue 10 March 20:00 EDT
            assertThat(s.occurrences()).allSatisfy(z -> assertThat(z.toLocalTime()).isEqualTo(EIGHT_PM));
            assertThat(dates(s)).containsExactly(d("2026-03-06"), d("2026-03-07"), d("2026-03-08"),
                    d("2026-03-09"), d("2026-03-10"));
            assertThat(s.occurrences().get(1).getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
            assertThat(s.occurrences().get(2).getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(Duration.between(instants(s).get(1), instants(s).get(2))).isEqualTo(Duration.ofHours(23));
        }

        @Test
        void newYorkFallBackKeepsEightPmAndMovesTheInstantAnHourLater() {
            Schedule s = daily(d("2026-10-30"), d("2026-11-02"), null, EIGHT_PM, NEW_YORK);
            assertThat(instants(s)).containsExactly(
                    i("2026-10-31T00:00:00Z"),  // Fri 30 October 20:00 EDT
                    i("2026-11-01T00:00:00Z"),  // Sat 31 October 20:00 EDT
                    i("2026-11-02T01:00:00Z"),  // Sun 1 November 20:00 EST, the change day
                    i("2026-11-03T01:00:00Z")); // Mon 2 November 20:00 EST
            assertThat(s.occurrences()).allSatisfy(z -> assertThat(z.toLocalTime()).isEqualTo(EIGHT_PM));
            assertThat(s.occurrences().get(1).getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(s.occurrences().get(2).getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
            assertThat(Duration.between(instants(s).get(1), instants(s).get(2))).isEqualTo(Duration.ofHours(25));
        }

        @Test
        void berlinSpringForwardKeepsEightPmAndMovesTheInstantAnHourEarlier() {
            Schedule s = daily(d("2026-03-27"), d("2026-03-30"), null, EIGHT_PM, BERLIN);
            assertThat(instants(s)).containsExactly(
                    i("2026-03-27T19:00:00Z"),  // Fri 27 March 20:00 CET (+01:00)
                    i("2026-03-28T19:00:00Z"),  // Sat 28 March 20:00 CET
                    i("2026-03-29T18:00:00Z"),  // Sun 29 March 20:00 CEST (+02:00), the change day
                    i("2026-03-30T18:00:00Z")); // Mon 30 March 20:00 CEST
            assertThat(s.occurrences()).allSatisfy(z -> assertThat(z.toLocalTime()).isEqualTo(EIGHT_PM));
            assertThat(Duration.between(instants(s).get(1), instants(s).get(2))).isEqualTo(Duration.ofHours(23));
        }

        @Test
        void berlinFallBackKeepsEightPmAndMovesTheInstantAnHourLater() {
            Schedule s = daily(d("2026-10-23"), d("2026-10-26"), null, EIGHT_PM, BERLIN);
            assertThat(instants(s)).containsExactly(
                    i("2026-10-23T18:00:00Z"),  // Fri 23 October 20:00 CEST
                    i("2026-10-24T18:00:00Z"),  // Sat 24 October 20:00 CEST
                    i("2026-10-25T19:00:00Z"),  // Sun 25 October 20:00 CET, the change day
                    i("2026-10-26T19:00:00Z")); // Mon 26 October 20:00 CET
            assertThat(s.occurrences()).allSatisfy(z -> assertThat(z.toLocalTime()).isEqualTo(EIGHT_PM));
            assertThat(Duration.between(instants(s).get(1), instants(s).get(2))).isEqualTo(Duration.ofHours(25));
        }

        @Test
        void aWholeYearIsEveryDayAtEightPmWallClockWithExactlyTwoShiftsInTheInstants() {
            for (ZoneId zone : List.of(NEW_YORK, BERLIN)) {
                Schedule s = daily(d("2026-01-01"), d("2026-12-31"), null, EIGHT_PM, zone);
                List<ZonedDateTime> all = s.occurrences();
                assertThat(all).as(zone.getId()).hasSize(365);
                assertThat(all).allSatisfy(z -> {
                    assertThat(z.toLocalTime()).isEqualTo(EIGHT_PM);
                    assertThat(z.getZone()).isEqualTo(zone);
                });
                int shorter = 0;
                int longer = 0;
                for (int n = 1; n < all.size(); n++) {
                    assertThat(all.get(n).toLocalDate()).isEqualTo(all.get(n - 1).toLocalDate().plusDays(1));
                    Duration gap = Duration.between(all.get(n - 1).toInstant(), all.get(n).toInstant());
                    if (gap.equals(Duration.ofHours(23))) {
                        shorter++;
                    } else if (gap.equals(Duration.ofHours(25))) {
                        longer++;
                    } else {
                        assertThat(gap).isEqualTo(Duration.ofHours(24));
                    }
                }
                assertThat(shorter).as(zone.getId() + " spring forward").isEqualTo(1);
                assertThat(longer).as(zone.getId() + " fall back").isEqualTo(1);
            }
        }

        /** Documented behaviour: a time that does not exist on the change day moves forward by the gap (02:30 → 03:30). */
        @Test
        void aTimeInTheNewYorkSpringGapMovesToHalfPastThree() {
            Schedule s = daily(d("2026-03-07"), d("2026-03-09"), null, LocalTime.of(2, 30), NEW_YORK);
            List<ZonedDateTime> all = s.occurrences();
            assertThat(all).extracting(ZonedDateTime::toLocalTime)
                    .containsExactly(LocalTime.of(2, 30), LocalTime.of(3, 30), LocalTime.of(2, 30));
            assertThat(all).extracting(ZonedDateTime::toLocalDate)
                    .as("the occurrence stays on the change day")
                    .containsExactly(d("2026-03-07"), d("2026-03-08"), d("2026-03-09"));
            assertThat(instants(s)).containsExactly(
                    i("2026-03-07T07:30:00Z"),  // 02:30 EST
                    i("2026-03-08T07:30:00Z"),  // 03:30 EDT
                    i("2026-03-09T06:30:00Z")); // 02:30 EDT
        }

        @Test
        void aTimeInTheBerlinSpringGapMovesToHalfPastThree() {
            ZonedDateTime only = Schedule.once(d("2026-03-29"), LocalTime.of(2, 30), BERLIN).occurrences().getFirst();
            assertThat(only.toLocalDate()).isEqualTo(d("2026-03-29"));
            assertThat(only.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
            assertThat(only.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(only.toInstant()).isEqualTo(i("2026-03-29T01:30:00Z"));
        }

        @Test
        void aTimeInTheNewYorkAutumnOverlapUsesTheEarlierOffset() {
            ZonedDateTime only = Schedule.once(d("2026-11-01"), LocalTime.of(1, 30), NEW_YORK).occurrences().getFirst();
            assertThat(only.toLocalTime()).isEqualTo(LocalTime.of(1, 30));
            assertThat(only.getOffset()).as("EDT, the earlier of the two 01:30s").isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(only.toInstant()).isEqualTo(i("2026-11-01T05:30:00Z"));
        }

        @Test
        void aTimeInTheBerlinAutumnOverlapUsesTheEarlierOffset() {
            ZonedDateTime only = Schedule.once(d("2026-10-25"), LocalTime.of(2, 30), BERLIN).occurrences().getFirst();
            assertThat(only.getOffset()).as("CEST, the earlier of the two 02:30s").isEqualTo(ZoneOffset.ofHours(2));
            assertThat(only.toInstant()).isEqualTo(i("2026-10-25T00:30:00Z"));
        }
    }

    @Nested
    class Kinds {

        @Test
        void onceGivesOneOccurrenceAtTheStartDateAndTime() {
            List<ZonedDateTime> all = Schedule.once(d("2026-05-14"), LocalTime.of(9, 15), BERLIN).occurrences();
            assertThat(all).containsExactly(ZonedDateTime.of(d("2026-05-14"), LocalTime.of(9, 15), BERLIN));
            assertThat(all.getFirst().toInstant()).isEqualTo(i("2026-05-14T07:15:00Z"));
        }

        @Test
        void onceBuiltWithTheConstructorAlsoGivesOne() {
            Schedule s = new Schedule(Kind.ONCE, d("2026-05-14"), null, null, EIGHT_PM, null, null, NEW_YORK);
            assertThat(s.occurrences()).hasSize(1);
            assertThat(s.occurrences().getFirst().toLocalDate()).isEqualTo(d("2026-05-14"));
        }

        @Test
        void dailyFiveTimesGivesFiveConsecutiveDays() {
            Schedule s = daily(d("2026-02-26"), null, 5, EIGHT_PM, BERLIN);
            assertThat(dates(s)).containsExactly(d("2026-02-26"), d("2026-02-27"), d("2026-02-28"),
                    d("2026-03-01"), d("2026-03-02"));
        }

        @Test
        void dailyWithAnEndDateIncludesTheEndDate() {
            assertThat(dates(daily(d("2026-03-01"), d("2026-03-03"))))
                    .containsExactly(d("2026-03-01"), d("2026-03-02"), d("2026-03-03"));
        }

        @Test
        void dailyEndingOnItsStartDateGivesOne() {
            assertThat(dates(daily(d("2026-03-01"), d("2026-03-01")))).containsExactly(d("2026-03-01"));
        }

        @Test
        void withBothEndAndTimesWhicheverComesFirstStops() {
            assertThat(daily(d("2026-03-01"), d("2026-03-31"), 3, EIGHT_PM, BERLIN).occurrences()).hasSize(3);
            assertThat(daily(d("2026-03-01"), d("2026-03-02"), 10, EIGHT_PM, BERLIN).occurrences()).hasSize(2);
        }

        @Test
        void weekdaysMondayWednesdayFridayOverTwoWeeksGivesSix() {
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-03-02"), d("2026-03-15"), null, EIGHT_PM,
                    Set.of(MONDAY, WEDNESDAY, FRIDAY), null, BERLIN);
            assertThat(d("2026-03-02").getDayOfWeek()).isEqualTo(MONDAY);
            assertThat(dates(s)).containsExactly(d("2026-03-02"), d("2026-03-04"), d("2026-03-06"),
                    d("2026-03-09"), d("2026-03-11"), d("2026-03-13"));
            assertThat(s.occurrences()).allSatisfy(z ->
                    assertThat(z.getDayOfWeek()).isIn(MONDAY, WEDNESDAY, FRIDAY));
        }

        @Test
        void weekdaysWithTimesCountsOnlyTheChosenDays() {
            // starts on a Thursday: Fri 6, Mon 9, Wed 11, Fri 13
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-03-05"), null, 4, EIGHT_PM,
                    EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), null, BERLIN);
            assertThat(d("2026-03-05").getDayOfWeek()).isEqualTo(THURSDAY);
            assertThat(dates(s)).containsExactly(d("2026-03-06"), d("2026-03-09"), d("2026-03-11"), d("2026-03-13"));
        }

        @Test
        void weekdaysAreCopiedSoTheCallerCannotChangeThemLater() {
            Set<DayOfWeek> days = new HashSet<>(Set.of(MONDAY));
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-03-02"), d("2026-03-08"), null, EIGHT_PM, days, null, BERLIN);
            days.add(FRIDAY);
            assertThat(s.weekdays()).containsExactly(MONDAY);
            assertThat(dates(s)).containsExactly(d("2026-03-02"));
        }

        @Test
        void everyThreeDays() {
            Schedule s = new Schedule(Kind.EVERY_N_DAYS, d("2026-03-01"), d("2026-03-15"), null, EIGHT_PM,
                    null, 3, BERLIN);
            assertThat(dates(s)).containsExactly(d("2026-03-01"), d("2026-03-04"), d("2026-03-07"),
                    d("2026-03-10"), d("2026-03-13"));
        }

        @Test
        void everyThreeDaysForFourTimesCrossesAMonthEnd() {
            Schedule s = new Schedule(Kind.EVERY_N_DAYS, d("2026-02-25"), null, 4, EIGHT_PM, null, 3, BERLIN);
            assertThat(dates(s)).containsExactly(d("2026-02-25"), d("2026-02-28"), d("2026-03-03"), d("2026-03-06"));
        }

        @ParameterizedTest
        @ValueSource(ints = {2, 60})
        void everyTwoAndEverySixtyDaysAreAllowed(int every) {
            Schedule s = new Schedule(Kind.EVERY_N_DAYS, d("2026-01-01"), null, 2, EIGHT_PM, null, every, BERLIN);
            assertThat(dates(s)).containsExactly(d("2026-01-01"), d("2026-01-01").plusDays(every));
        }
    }

    @Nested
    class Limits {

        @Test
        void exactly366DailyOccurrencesByEndDateAreAllowed() {
            // 2026 is not a leap year: 1 Jan 2026 to 1 Jan 2027 inclusive is 366 days
            List<ZonedDateTime> all = daily(d("2026-01-01"), d("2027-01-01")).occurrences();
            assertThat(all).hasSize(Schedule.MAX_OCCURRENCES).hasSize(366);
            assertThat(all.getLast().toLocalDate()).isEqualTo(d("2027-01-01"));
        }

        @Test
        void exactly366DailyOccurrencesByTimesAreAllowed() {
            assertThat(daily(d("2026-01-01"), null, 366, EIGHT_PM, BERLIN).occurrences()).hasSize(366);
        }

        @Test
        void every2DaysForTwoYearsIsExactly366AndAllowed() {
            Schedule s = new Schedule(Kind.EVERY_N_DAYS, d("2026-01-01"), d("2028-01-01"), null, EIGHT_PM,
                    null, 2, BERLIN);
            assertThat(s.occurrences()).hasSize(366);
        }

        @Test
        void weekdaysForTwoYearsAreAllowed() {
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-01-01"), d("2028-01-01"), null, EIGHT_PM,
                    Set.of(MONDAY), null, BERLIN);
            assertThat(s.occurrences()).hasSize(104).allSatisfy(z -> assertThat(z.getDayOfWeek()).isEqualTo(MONDAY));
        }

        @Test
        void dailyFor367DaysIsTooMany() {
            DomainException e = failure(daily(d("2026-01-01"), d("2027-01-02")));
            assertThat(e.messageKey()).isEqualTo("schedule.too-many");
            assertThat(e.field()).isIn("schedule", "end");
            assertThat(e.arguments()).containsExactly(366);
        }

        @Test
        void dailyForTwoYearsIsTooMany() {
            DomainException e = failure(daily(d("2026-01-01"), d("2028-01-01")));
            assertThat(e.messageKey()).isEqualTo("schedule.too-many");
            assertThat(e.field()).isIn("schedule", "end");
        }

        @Test
        void anEndDateMoreThanTwoYearsAwayIsTooMany() {
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-01-01"), d("2028-01-02"), null, EIGHT_PM,
                    Set.of(MONDAY), null, BERLIN);
            assertRejected(s, "end", "schedule.too-many");
        }

        @Test
        void anEndDateDecadesAwayIsRejectedQuickly() {
            assertRejected(daily(d("2026-01-01"), LocalDate.of(9999, 12, 31)), "end", "schedule.too-many");
        }
    }

    @Nested
    class ImpossibleSchedules {

        @Test
        void endBeforeStart() {
            assertRejected(daily(d("2026-03-10"), d("2026-03-09")), "end", "schedule.end-before-start");
        }

        @Test
        void neitherEndNorTimes() {
            assertRejected(daily(d("2026-03-10"), null, null, EIGHT_PM, BERLIN), "end", "schedule.end-or-times");
            assertRejected(new Schedule(Kind.WEEKDAYS, d("2026-03-10"), null, null, EIGHT_PM, Set.of(MONDAY), null,
                    BERLIN), "end", "schedule.end-or-times");
            assertRejected(new Schedule(Kind.EVERY_N_DAYS, d("2026-03-10"), null, null, EIGHT_PM, null, 3,
                    BERLIN), "end", "schedule.end-or-times");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 367})
        void timesOutOfRange(int times) {
            Schedule s = daily(d("2026-03-10"), null, times, EIGHT_PM, BERLIN);
            assertRejected(s, "times", "schedule.times");
            assertThat(failure(s).arguments()).containsExactly(366);
        }

        @Test
        void weekdaysWithNoDays() {
            assertRejected(new Schedule(Kind.WEEKDAYS, d("2026-03-02"), d("2026-03-15"), null, EIGHT_PM,
                    Set.of(), null, BERLIN), "weekdays", "schedule.weekdays");
            assertRejected(new Schedule(Kind.WEEKDAYS, d("2026-03-02"), d("2026-03-15"), null, EIGHT_PM,
                    null, null, BERLIN), "weekdays", "schedule.weekdays");
        }

        @ParameterizedTest
        @ValueSource(ints = {-3, 0, 1, 61})
        void everyDaysOutOfRange(int every) {
            assertRejected(new Schedule(Kind.EVERY_N_DAYS, d("2026-03-01"), d("2026-03-31"), null, EIGHT_PM,
                    null, every, BERLIN), "everyDays", "schedule.every-days");
        }

        @Test
        void everyNDaysWithoutN() {
            assertRejected(new Schedule(Kind.EVERY_N_DAYS, d("2026-03-01"), d("2026-03-31"), null, EIGHT_PM,
                    null, null, BERLIN), "everyDays", "schedule.every-days");
        }

        @Test
        void weekdaysThatNeverFallBetweenStartAndEnd() {
            // Monday 2 to Friday 6 March, weekends only
            Schedule s = new Schedule(Kind.WEEKDAYS, d("2026-03-02"), d("2026-03-06"), null, EIGHT_PM,
                    Set.of(SATURDAY, SUNDAY), null, BERLIN);
            DomainException e = failure(s);
            assertThat(e.messageKey()).isEqualTo("schedule.none");
            assertThat(e.field()).isEqualTo("schedule");
        }

        @Test
        void missingStart() {
            assertRejected(daily(null, d("2026-03-09"), null, EIGHT_PM, BERLIN), "start", "validation.required");
            assertRejected(Schedule.once(null, EIGHT_PM, BERLIN), "start", "validation.required");
        }

        @Test
        void missingTime() {
            assertRejected(daily(d("2026-03-01"), d("2026-03-09"), null, null, BERLIN), "time", "validation.required");
            assertRejected(Schedule.once(d("2026-03-01"), null, BERLIN), "time", "validation.required");
        }

        @Test
        void missingZone() {
            assertRejected(daily(d("2026-03-01"), d("2026-03-09"), null, EIGHT_PM, null), "timeZone", "client.time-zone");
            assertRejected(Schedule.once(d("2026-03-01"), EIGHT_PM, null), "timeZone", "client.time-zone");
        }

        @Test
        void missingKind() {
            assertRejected(new Schedule(null, d("2026-03-01"), d("2026-03-09"), null, EIGHT_PM, null, null, BERLIN),
                    "schedule", "validation.choose");
        }

        @Test
        void anUnknownZoneIdFailsBeforeItCanReachASchedule() {
            assertThatThrownBy(() -> ZoneId.of("Mars/Olympus")).isInstanceOf(DateTimeException.class);
        }
    }
}
