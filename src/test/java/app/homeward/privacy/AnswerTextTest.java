package app.homeward.privacy;

import app.homeward.base.Messages;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.SleepEfficiency;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static app.homeward.worksheet.SleepNights.night;
import static org.assertj.core.api.Assertions.assertThat;

/** Answers as the exported record prints them: a sleep diary carries each night's sleep efficiency beside it. */
class AnswerTextTest {

    private static final List<Field> NIGHT = List.of(new FieldTypes.TimeInput("bedtime", "Bedtime", "", true),
            new FieldTypes.TimeInput("tried", "Tried to sleep", "", false),
            new FieldTypes.DurationInput("to_sleep", "To fall asleep", "", false, null),
            new FieldTypes.DurationInput("awake", "Awake in the night", "", false, null),
            new FieldTypes.TimeInput("woke_up", "Woke up", "", true),
            new FieldTypes.TimeInput("got_up", "Got up", "", true));

    @Test
    void a_sleep_diary_prints_each_nights_efficiency_as_its_last_column_in_the_clients_language() {
        FieldTypes.Table diary = new FieldTypes.Table("nights", "Nights", "", true, NIGHT, null, SleepEfficiency.NAME);
        Map<String, Object> unfinished = night("23:00", null, 0, 0, "", "07:00");
        List<Map<String, Object>> answer = List.of(night("22:30", "23:00", 30, 40, "06:30", "07:00"), unfinished);

        AnswerText.Grid english = AnswerText.grid(diary, answer, new Texts(new Messages(), Messages.ENGLISH, ZoneId.of("UTC")));
        AnswerText.Grid spanish = AnswerText.grid(diary, answer, new Texts(new Messages(), Messages.SPANISH, ZoneId.of("UTC")));

        assertThat(english.headings()).hasSize(NIGHT.size() + 1).last().isEqualTo("Sleep efficiency");
        assertThat(english.rows().get(0)).last().isEqualTo("75 % (6 h 20 min asleep of 8 h 30 min in bed)");
        assertThat(english.rows().get(1)).as("a night whose times do not add up yet has no figure").last().isEqualTo("");
        assertThat(spanish.headings()).last().isEqualTo("Eficiencia del sueño");
        assertThat(spanish.rows().get(0)).last().isEqualTo("75 % (6 h 20 min dormido de 8 h 30 min en la cama)");
    }

    @Test
    void a_table_that_does_not_sum_up_sleep_gets_no_extra_column() {
        FieldTypes.Table plain = new FieldTypes.Table("nights", "Nights", "", true, NIGHT, null, null);

        AnswerText.Grid grid = AnswerText.grid(plain, List.of(night("22:30", "23:00", 30, 40, "06:30", "07:00")),
                new Texts(new Messages(), Messages.ENGLISH, ZoneId.of("UTC")));

        assertThat(grid.headings()).hasSize(NIGHT.size());
        assertThat(grid.rows().get(0)).hasSize(NIGHT.size());
    }
}
