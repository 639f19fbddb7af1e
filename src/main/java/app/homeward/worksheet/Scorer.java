package app.homeward.worksheet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes a measure's score from answers, on the server, when an entry is submitted. Items are
 * single choices with a score on every option, rating scales, yes/no (1/0) or whole numbers.
 * A reversed item counts {@code lowest + highest − value} (on a 0–3 item, 3 becomes 0).
 */
public final class Scorer {

    private static final BigDecimal ITEM_LIMIT = BigDecimal.valueOf(1_000_000);

    private Scorer() {
    }

    public static ScoreResult score(WorksheetDocument document, Map<String, Object> answers) {
        Scoring scoring = document.scoring();
        if (scoring == null || scoring.items().isEmpty()) {
            return ScoreResult.NONE;
        }
        int total = 0;
        int answered = 0;
        List<ScoreResult.TriggeredAlert> alerts = new ArrayList<>();
        for (String key : scoring.items()) {
            Field field = document.field(key);
            Integer value = field == null ? null : itemScore(field, answers.get(key), scoring.reversed().contains(key));
            if (value == null) {
                continue;
            }
            answered++;
            total += value;
            for (Scoring.AlertRule rule : scoring.alerts()) {
                if (rule.target().equals(key) && value >= rule.atLeast()) {
                    alerts.add(new ScoreResult.TriggeredAlert(key, value, rule.label()));
                }
            }
        }
        for (Scoring.AlertRule rule : scoring.alerts()) {
            if (Scoring.TOTAL.equals(rule.target()) && total >= rule.atLeast()) {
                alerts.add(new ScoreResult.TriggeredAlert(Scoring.TOTAL, total, rule.label()));
            }
        }
        final int sum = total;
        String band = scoring.bands().stream().filter(b -> b.min() <= sum && sum <= b.max())
                .map(Scoring.Band::label).findFirst().orElse(null);
        return new ScoreResult(total, answered, scoring.items().size(), band, alerts);
    }

    /** Whether a field can be a scored item. */
    public static boolean scorable(Field field) {
        return switch (field) {
            case Fields.SingleChoice choice -> !choice.options().isEmpty()
                    && choice.options().stream().allMatch(o -> o.score() != null);
            case Fields.RatingScale ignored -> true;
            case Fields.YesNo ignored -> true;
            case Fields.NumberInput ignored -> true;
            default -> false;
        };
    }

    private static Integer itemScore(Field field, Object answer, boolean reversed) {
        if (answer == null || field.check(answer, false) != null) {
            return null;
        }
        return switch (field) {
            case Fields.SingleChoice choice -> {
                Fields.Option option = choice.option((String) answer);
                if (option == null || option.score() == null) {
                    yield null;
                }
                int low = choice.options().stream().mapToInt(o -> o.score() == null ? 0 : o.score()).min().orElse(0);
                int high = choice.options().stream().mapToInt(o -> o.score() == null ? 0 : o.score()).max().orElse(0);
                yield reversed ? low + high - option.score() : option.score();
            }
            case Fields.RatingScale scale -> {
                int value = Fields.whole(answer);
                yield reversed ? scale.min() + scale.max() - value : value;
            }
            case Fields.YesNo ignored -> {
                int value = Boolean.TRUE.equals(answer) ? 1 : 0;
                yield reversed ? 1 - value : value;
            }
            case Fields.NumberInput number -> {
                BigDecimal value = Fields.decimal(answer);
                // a scored number is a count or a rating: beyond ±1,000,000 it is not counted, so 100 items never overflow
                if (value == null || value.abs().compareTo(ITEM_LIMIT) > 0) {
                    yield null;
                }
                int whole = value.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
                if (reversed && number.min() != null && number.max() != null
                        && number.min().abs().compareTo(ITEM_LIMIT) <= 0 && number.max().abs().compareTo(ITEM_LIMIT) <= 0) {
                    yield number.min().add(number.max()).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact() - whole;
                }
                yield whole;
            }
            default -> null;
        };
    }
}
