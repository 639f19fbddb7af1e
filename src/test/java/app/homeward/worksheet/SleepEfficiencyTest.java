package app.homeward.worksheet;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.homeward.worksheet.SleepNights.night;
import static org.assertj.core.api.Assertions.assertThat;

/** A sleep diary night's efficiency: time asleep over time in bed, across midnight, with bad input refused. */
class SleepEfficiencyTest {

    @Test
    void a_night_across_midnight_counts_asleep_from_lights_out_less_falling_asleep_and_waking() {
        // in bed 22:30–07:00 (510 min); lights out 23:00, 30 min to fall asleep, 40 min awake, last woke 06:30
        SleepEfficiency result = SleepEfficiency.of(night("22:30", "23:00", 30, 40, "06:30", "07:00"));

        assertThat(result).isEqualTo(new SleepEfficiency(75, 380, 510));
    }

    @Test
    void without_a_lights_out_time_trying_to_sleep_starts_at_bedtime_and_empty_durations_count_as_none() {
        assertThat(SleepEfficiency.of(night("23:00", null, null, null, "07:00", "07:00")))
                .isEqualTo(new SleepEfficiency(100, 480, 480));
        assertThat(SleepEfficiency.of(night("01:15", "", 15, 0, "08:00", "08:30")))
                .as("a bedtime after midnight").isEqualTo(new SleepEfficiency(90, 390, 435));
    }

    @Test
    void missing_or_impossible_times_give_no_figure() {
        assertThat(SleepEfficiency.of(night("23:00", null, 10, 0, null, "07:00"))).as("no waking time").isNull();
        assertThat(SleepEfficiency.of(night("23:00", null, 600, 0, "07:00", "07:30"))).as("longer to fall asleep than the night").isNull();
        assertThat(SleepEfficiency.of(night("23:00", "22:00", 0, 0, "07:00", "07:30"))).as("lights out before bed").isNull();
        assertThat(SleepEfficiency.of(night("23:00", null, 0, 0, "07:30", "07:00"))).as("woke after getting up").isNull();
        assertThat(SleepEfficiency.of(night("23:00", null, 0, 0, "07:00", "23:00"))).as("no time in bed").isNull();
        assertThat(SleepEfficiency.of(night("late", null, 0, 0, "07:00", "07:30"))).as("not a time").isNull();
    }

    @Test
    void a_table_asking_for_it_must_have_the_columns_it_is_worked_out_from() {
        List<Field> columns = List.of(new FieldTypes.TimeInput("bedtime", "Bedtime", "", true),
                new FieldTypes.DurationInput("to_sleep", "To sleep", "", false, null),
                new FieldTypes.TimeInput("woke_up", "Woke", "", true),
                new FieldTypes.TimeInput("got_up", "Got up", "", true));
        FieldTypes.Table withoutAwake = new FieldTypes.Table("nights", "Nights", "", true, columns, null, SleepEfficiency.NAME);
        assertThat(withoutAwake.definitionProblems(true)).extracting(FieldProblem::messageKey).contains("worksheet.problem.summary");

        List<Field> all = new ArrayList<>(columns);
        all.add(new FieldTypes.DurationInput("awake", "Awake", "", false, null));
        assertThat(new FieldTypes.Table("nights", "Nights", "", true, all, null, SleepEfficiency.NAME).definitionProblems(true))
                .isEmpty();
        assertThat(new FieldTypes.Table("nights", "Nights", "", true, all, null, "average-mood").definitionProblems(true))
                .as("an unknown figure").extracting(FieldProblem::messageKey).contains("worksheet.problem.summary");
    }
}
