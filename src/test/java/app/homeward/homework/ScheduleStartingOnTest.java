package app.homeward.homework;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan moved to start on another day (carry-over, a ladder step opening, a choice made) keeps its shape. */
class ScheduleStartingOnTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final LocalTime EIGHT = LocalTime.of(20, 0);
    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void an_end_date_keeps_the_plans_length_in_days() {
        Schedule week = new Schedule(Schedule.Kind.DAILY, MONDAY, MONDAY.plusDays(6), null, EIGHT, null, null, ZONE);

        Schedule moved = week.startingOn(MONDAY.plusDays(10));

        assertThat(moved.start()).isEqualTo(MONDAY.plusDays(10));
        assertThat(moved.end()).isEqualTo(MONDAY.plusDays(16));
        assertThat(moved.occurrences()).hasSize(7);
        assertThat(moved.timeOfDay()).isEqualTo(EIGHT);
        assertThat(moved.zone()).isEqualTo(ZONE);
    }

    @Test
    void a_number_of_times_and_a_single_date_just_move() {
        Schedule times = new Schedule(Schedule.Kind.EVERY_N_DAYS, MONDAY, null, 4, EIGHT, null, 3, ZONE);
        Schedule once = Schedule.once(MONDAY, EIGHT, ZONE);

        assertThat(times.startingOn(MONDAY.plusDays(1)).occurrences()).hasSize(4)
                .first().satisfies(d -> assertThat(d.toLocalDate()).isEqualTo(MONDAY.plusDays(1)));
        assertThat(once.startingOn(MONDAY.plusDays(5))).isEqualTo(Schedule.once(MONDAY.plusDays(5), EIGHT, ZONE));
    }

    @Test
    void a_chosen_days_plan_whose_moved_window_misses_its_days_is_stretched_to_the_next_one() {
        Schedule mondayOnly = new Schedule(Schedule.Kind.WEEKDAYS, MONDAY, MONDAY, null, EIGHT, Set.of(DayOfWeek.MONDAY),
                null, ZONE);

        Schedule moved = mondayOnly.startingOn(MONDAY.plusDays(2));

        assertThat(moved.occurrences()).singleElement()
                .satisfies(d -> assertThat(d.toLocalDate()).isEqualTo(MONDAY.plusDays(7)));
    }
}
