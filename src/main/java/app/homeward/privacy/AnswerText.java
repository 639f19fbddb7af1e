package app.homeward.privacy;

import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.SleepEfficiency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer as a person reads it, with the labels of the worksheet version it was given on: the chosen
 * options' labels, yes or no, hours and minutes. Tables and step ladders are rows of cells.
 */
final class AnswerText {

    private AnswerText() {
    }

    /** Rows of a table or a step ladder: the column headings, then one list of cell texts per filled row. */
    record Grid(List<String> headings, List<List<String>> rows) {
    }

    static boolean answered(Object value) {
        return value != null && !(value instanceof String s && s.isBlank()) && !(value instanceof List<?> l && l.isEmpty());
    }

    /** A single-value answer as text (not for tables and ladders, see {@link #grid}). */
    static String text(Field field, Object value, Texts texts) {
        if (!answered(value)) {
            return "";
        }
        return switch (field) {
            case FieldTypes.SingleChoice choice -> label(choice.options(), value);
            case FieldTypes.MultipleChoice choice -> labels(choice.options(), value);
            case FieldTypes.Checklist checklist -> labels(checklist.items(), value);
            case FieldTypes.YesNo ignored -> value instanceof Boolean b ? texts.yesNo(b) : String.valueOf(value);
            case FieldTypes.NumberInput number -> (plain(value) + " " + number.unit()).strip();
            case FieldTypes.RatingScale scale -> texts.t("privacy.answer.rating", plain(value), scale.min(), scale.max());
            case FieldTypes.DurationInput ignored -> duration(value, texts);
            case FieldTypes.DateInput ignored -> value instanceof String s ? dateText(s, texts) : String.valueOf(value);
            case FieldTypes.Table table -> grid(table, value, texts).rows().size() + "";
            case FieldTypes.StepLadder ladder -> grid(ladder, value, texts).rows().size() + "";
            default -> String.valueOf(value);
        };
    }

    static Grid grid(Field field, Object value, Texts texts) {
        List<List<String>> rows = new ArrayList<>();
        if (field instanceof FieldTypes.Table table) {
            List<String> headings = new ArrayList<>(table.columns().stream().map(Field::label).toList());
            // the figure a sleep diary is steered by is printed beside each night, as the client saw it
            boolean sleep = table.sumsUpSleep();
            if (sleep) {
                headings.add(texts.t("worksheet.sleep.efficiency.column"));
            }
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> row && row.values().stream().anyMatch(AnswerText::answered)) {
                        List<String> cells = new ArrayList<>(table.columns().stream().map(c -> text(c, row.get(c.key()), texts)).toList());
                        if (sleep) {
                            cells.add(sleepEfficiency(row, texts));
                        }
                        rows.add(cells);
                    }
                }
            }
            return new Grid(List.copyOf(headings), rows);
        }
        if (field instanceof FieldTypes.StepLadder ladder) {
            List<String> headings = List.of(
                    ladder.stepLabel().isBlank() ? texts.t("worksheet.ladder.step") : ladder.stepLabel(),
                    ladder.ratingLabel().isBlank() ? texts.t("worksheet.ladder.rating") : ladder.ratingLabel());
            if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> step && (answered(step.get("step")) || step.get("rating") != null)) {
                        rows.add(List.of(Objects.toString(step.get("step"), ""),
                                step.get("rating") == null ? "" : plain(step.get("rating"))));
                    }
                }
            }
            return new Grid(headings, rows);
        }
        return new Grid(List.of(), rows);
    }

    private static String sleepEfficiency(Map<?, ?> row, Texts texts) {
        SleepEfficiency night = SleepEfficiency.of(row);
        return night == null ? "" : texts.t("worksheet.sleep.efficiency.cell", night.percent(),
                hoursAndMinutes(night.minutesAsleep(), texts), hoursAndMinutes(night.minutesInBed(), texts));
    }

    private static String hoursAndMinutes(int minutes, Texts texts) {
        return texts.t("worksheet.sleep.duration", minutes / 60, minutes % 60);
    }

    static boolean isGrid(Field field) {
        return field instanceof FieldTypes.Table || field instanceof FieldTypes.StepLadder;
    }

    private static String label(List<FieldTypes.Option> options, Object value) {
        return options.stream().filter(o -> o.value().equals(value)).map(FieldTypes.Option::label).findFirst()
                .orElse(String.valueOf(value));
    }

    private static String labels(List<FieldTypes.Option> options, Object value) {
        if (!(value instanceof List<?> picks)) {
            return String.valueOf(value);
        }
        return String.join(", ", picks.stream().map(p -> label(options, p)).toList());
    }

    static String plain(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    private static String duration(Object value, Texts texts) {
        if (!(value instanceof Number number)) {
            return String.valueOf(value);
        }
        int minutes = number.intValue();
        return minutes >= 60 ? texts.t("privacy.answer.hours-minutes", minutes / 60, minutes % 60)
                : texts.t("privacy.answer.minutes", minutes);
    }

    private static String dateText(String iso, Texts texts) {
        try {
            return texts.date(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
