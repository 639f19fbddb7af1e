package app.homeward.homework;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an occurrence is at a given moment, with the clock moved by hand: upcoming before the
 * client's local day, due from the start of that day until the grace period after the due time
 * has passed, missed after that; done, partial and skipped are kept whatever the time.
 */
class OccurrenceStateTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Duration GRACE = Duration.ofHours(24);

    /** Due Tuesday 10 March 2026 09:00 in Berlin (CET, +01:00) = 08:00Z. */
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final Instant DUE = ZonedDateTime.of(DAY, LocalTime.of(9, 0), BERLIN).toInstant();

    private static Occurrence berlinOccurrence() {
        return new Occurrence(UUID.randomUUID(), UUID.randomUUID(), DUE, DAY);
    }

    private static OccurrenceState at(Occurrence o, String instant) {
        return o.state(Instant.parse(instant), GRACE, BERLIN);
    }

    @Test
    void theDueInstantIsWhatTheTestsAssume() {
        assertThat(DUE).isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Nested
    class Open {

        @Test
        void upcomingBeforeItsLocalDay() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-02-01T12:00:00Z")).isEqualTo(OccurrenceState.UPCOMING);
            assertThat(at(o, "2026-03-09T08:00:00Z")).isEqualTo(OccurrenceState.UPCOMING);
            assertThat(o.isOpen()).isTrue();
        }

        @Test
        void theDayIsTheClientsLocalDayNotTheUtcDay() {
            Occurrence o = berlinOccurrence();
            // 23:30 on Monday 9 March in Berlin: still the day before
            assertThat(at(o, "2026-03-09T22:30:00Z")).isEqualTo(OccurrenceState.UPCOMING);
            // 00:30 on Tuesday 10 March in Berlin, though still 9 March in UTC
            assertThat(at(o, "2026-03-09T23:30:00Z")).isEqualTo(OccurrenceState.DUE);
            // the same instant judged in UTC would still be the day before
            assertThat(o.state(Instant.parse("2026-03-09T23:30:00Z"), GRACE, ZoneOffset.UTC))
                    .isEqualTo(OccurrenceState.UPCOMING);
        }

        @Test
        void dueFromLocalMidnightExactly() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-03-09T22:59:59.999Z")).isEqualTo(OccurrenceState.UPCOMING);
            assertThat(at(o, "2026-03-09T23:00:00Z")).isEqualTo(OccurrenceState.DUE);
        }

        @Test
        void dueOnItsDayBeforeTheDueTime() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-03-10T06:00:00Z")).isEqualTo(OccurrenceState.DUE);
            assertThat(at(o, "2026-03-10T07:59:59Z")).isEqualTo(OccurrenceState.DUE);
            assertThat(at(o, "2026-03-10T08:00:00Z")).isEqualTo(OccurrenceState.DUE);
        }

        @Test
        void stillDueAfterTheDueTimeWithinTheGracePeriod() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-03-10T08:00:01Z")).isEqualTo(OccurrenceState.DUE);
            assertThat(at(o, "2026-03-10T22:00:00Z")).isEqualTo(OccurrenceState.DUE);
            assertThat(at(o, "2026-03-11T07:59:59Z")).as("next day, inside 24 h").isEqualTo(OccurrenceState.DUE);
            assertThat(at(o, "2026-03-11T08:00:00Z")).as("exactly due + grace").isEqualTo(OccurrenceState.DUE);
        }

        @Test
        void missedAfterTheGracePeriod() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-03-11T08:00:00.001Z")).isEqualTo(OccurrenceState.MISSED);
            assertThat(at(o, "2026-03-12T08:00:00Z")).isEqualTo(OccurrenceState.MISSED);
            assertThat(at(o, "2027-01-01T00:00:00Z")).isEqualTo(OccurrenceState.MISSED);
            assertThat(o.isOpen()).as("missed is not stored").isTrue();
        }

        @Test
        void theGracePeriodIsTheClinicsChoice() {
            Occurrence o = berlinOccurrence();
            Instant now = Instant.parse("2026-03-10T10:00:00Z"); // two hours after due
            assertThat(o.state(now, Duration.ZERO, BERLIN)).isEqualTo(OccurrenceState.MISSED);
            assertThat(o.state(now, Duration.ofHours(1), BERLIN)).isEqualTo(OccurrenceState.MISSED);
            assertThat(o.state(now, Duration.ofHours(2), BERLIN)).isEqualTo(OccurrenceState.DUE);
            assertThat(o.state(now, Duration.ofHours(72), BERLIN)).isEqualTo(OccurrenceState.DUE);
        }

        @Test
        void westOfUtcTheLocalDayStartsLaterThanTheUtcDay() {
            // due Tuesday 10 March 2026 20:00 EDT (-04:00, after the 8 March change) = 11 March 00:00Z
            LocalDate day = LocalDate.of(2026, 3, 10);
            Instant due = ZonedDateTime.of(day, LocalTime.of(20, 0), NEW_YORK).toInstant();
            assertThat(due).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
            Occurrence o = new Occurrence(UUID.randomUUID(), UUID.randomUUID(), due, day);
            // 23:00 on 9 March in New York, already 10 March in UTC
            assertThat(o.state(Instant.parse("2026-03-10T03:00:00Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.UPCOMING);
            // 00:00 on 10 March in New York
            assertThat(o.state(Instant.parse("2026-03-10T04:00:00Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.DUE);
            assertThat(o.state(Instant.parse("2026-03-12T00:00:00Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.DUE);
            assertThat(o.state(Instant.parse("2026-03-12T00:00:01Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.MISSED);
        }

        @Test
        void anOccurrenceInTheSpringGapIsDueOnItsOwnDay() {
            // 02:30 on 8 March 2026 does not exist in New York; the schedule moves it to 03:30 EDT
            Schedule schedule = Schedule.once(LocalDate.of(2026, 3, 8), LocalTime.of(2, 30), NEW_YORK);
            ZonedDateTime when = schedule.occurrences().getFirst();
            Occurrence o = new Occurrence(UUID.randomUUID(), UUID.randomUUID(), when.toInstant(), when.toLocalDate());
            assertThat(o.state(Instant.parse("2026-03-08T04:59:59Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.UPCOMING);
            assertThat(o.state(Instant.parse("2026-03-08T05:00:00Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.DUE);
            assertThat(o.state(Instant.parse("2026-03-09T07:30:00Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.DUE);
            assertThat(o.state(Instant.parse("2026-03-09T07:30:01Z"), GRACE, NEW_YORK)).isEqualTo(OccurrenceState.MISSED);
        }
    }

    @Nested
    class Stored {

        private static final String[] TIMES = {
            "2026-01-01T00:00:00Z",     // weeks before
            "2026-03-09T22:30:00Z",     // the evening before, Berlin time
            "2026-03-10T08:00:00Z",     // due
            "2026-03-11T08:00:00.001Z", // just past grace
            "2030-01-01T00:00:00Z"      // years later
        };

        @Test
        void doneStaysDoneWhateverTheTime() {
            Occurrence o = berlinOccurrence();
            Instant completed = Instant.parse("2026-03-10T19:00:00Z");
            o.complete(false, completed);
            assertThat(o.isOpen()).isFalse();
            assertThat(o.getStatus()).isEqualTo(Occurrence.Outcome.DONE);
            assertThat(o.getCompletedAt()).isEqualTo(completed);
            for (String t : TIMES) {
                assertThat(at(o, t)).as(t).isEqualTo(OccurrenceState.DONE);
            }
            assertThat(o.state(Instant.parse(TIMES[4]), Duration.ZERO, ZoneOffset.UTC)).isEqualTo(OccurrenceState.DONE);
        }

        @Test
        void partialStaysPartialWhateverTheTime() {
            Occurrence o = berlinOccurrence();
            Instant completed = Instant.parse("2026-03-10T19:00:00Z");
            o.complete(true, completed);
            assertThat(o.isOpen()).isFalse();
            assertThat(o.getCompletedAt()).isEqualTo(completed);
            for (String t : TIMES) {
                assertThat(at(o, t)).as(t).isEqualTo(OccurrenceState.PARTIAL);
            }
        }

        @Test
        void skippedStaysSkippedWhateverTheTime() {
            Occurrence o = berlinOccurrence();
            o.skip();
            assertThat(o.isOpen()).isFalse();
            assertThat(o.getCompletedAt()).isNull();
            for (String t : TIMES) {
                assertThat(at(o, t)).as(t).isEqualTo(OccurrenceState.SKIPPED);
            }
        }

        @Test
        void completingLateAfterItWasMissedMakesItDone() {
            Occurrence o = berlinOccurrence();
            assertThat(at(o, "2026-03-13T00:00:00Z")).isEqualTo(OccurrenceState.MISSED);
            o.complete(false, Instant.parse("2026-03-13T00:00:00Z"));
            assertThat(at(o, "2026-03-13T00:00:00Z")).isEqualTo(OccurrenceState.DONE);
        }

        @Test
        void completingEarlyBeforeItsDayMakesItDone() {
            Occurrence o = berlinOccurrence();
            o.complete(true, Instant.parse("2026-03-08T10:00:00Z"));
            assertThat(at(o, "2026-03-08T10:00:00Z")).isEqualTo(OccurrenceState.PARTIAL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DONE", "PARTIAL"})
    void doneAndPartialAreFinished(OccurrenceState state) {
        assertThat(state.finished()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPCOMING", "DUE", "MISSED", "SKIPPED"})
    void theOthersAreNotFinished(OccurrenceState state) {
        assertThat(state.finished()).isFalse();
    }

    @Test
    void messageKeys() {
        assertThat(OccurrenceState.UPCOMING.messageKey()).isEqualTo("occurrence.upcoming");
        assertThat(OccurrenceState.MISSED.messageKey()).isEqualTo("occurrence.missed");
    }
}
