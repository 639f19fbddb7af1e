package app.homeward.worksheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a measure's score from answers, on the server, when an entry is submitted. Items are
 * single choices with a score on every option, rating scales, yes/no (1/0) or whole numbers.
 * A reversed item counts {@code lowest + highest − value} (on a 0–3 item, 3 becomes 0). The summed
 * items are multiplied by the scoring's multiplier; each subscale sums its own items the same way.
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
        int sum = 0;
        int answered = 0;
        Map<String, Integer> values = new HashMap<>();
        List<ScoreResult.TriggeredAlert> alerts = new ArrayList<>();
        for (String key : scoring.items()) {
            Field field = document.field(key);
            Integer value = field == null ? null : itemScore(field, answers.get(key), scoring.reversed().contains(key));
            if (value == null) {
                continue;
            }
            values.put(key, value);
            answered++;
            sum += value;
            for (Scoring.AlertRule rule : scoring.alerts()) {
                if (rule.target().equals(key) && value >= rule.atLeast()) {
                    alerts.add(new ScoreResult.TriggeredAlert(key, value, rule.label(), rule.message()));
                }
            }
        }
        int total = times(sum, scoring.factor());
        for (Scoring.AlertRule rule : scoring.alerts()) {
            if (Scoring.TOTAL.equals(rule.target()) && total >= rule.atLeast()) {
                alerts.add(new ScoreResult.TriggeredAlert(Scoring.TOTAL, total, rule.label(), rule.message()));
            }
        }
        List<ScoreResult.SubscaleScore> subscales = new ArrayList<>();
        for (Scoring.Subscale subscale : scoring.subscales()) {
            int subSum = 0;
            int subAnswered = 0;
            for (String key : subscale.items()) {
                Integer value = values.get(key);
                if (value != null) {
                    subSum += value;
                    subAnswered++;
                }
            }
            int subTotal = times(subSum, subscale.factor());
            subscales.add(new ScoreResult.SubscaleScore(subscale.key(), subscale.label(), subTotal,
                    band(subscale.bands(), subTotal), subAnswered, subscale.items().size()));
        }
        return new ScoreResult(total, answered, scoring.items().size(), band(scoring.bands(), total), alerts, subscales);
    }

    // a valid multiplier (at most 10) cannot overflow; an unchecked draft's could, so saturate rather than wrap
    private static int times(int sum, int factor) {
        long product = (long) sum * factor;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, product));
    }

    private static String band(List<Scoring.Band> bands, int total) {
        return bands.stream().filter(b -> b.min() <= total && total <= b.max())
                .map(Scoring.Band::label).findFirst().orElse(null);
    }

    /**
     * The lowest ({@code lowest}) or highest total the given items can add up to, times {@code factor};
     * null when one of them is not a field of the document or has no bounded range. A reversed item
     * spans the same range, so reversal does not matter here.
     */
    static Integer range(WorksheetDocument document, List<String> items, int factor, boolean lowest) {
        if (items.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (String key : items) {
            Field field = document.field(key);
            int[] span = field == null ? null : span(field);
            if (span == null) {
                return null;
            }
            sum += lowest ? span[0] : span[1];
        }
        long result = sum * factor;
        return result > Integer.MAX_VALUE || result < Integer.MIN_VALUE ? null : (int) result;
    }

    // an item's lowest and highest score, or null when it has none (unscored choice, unbounded number)
    private static int[] span(Field field) {
        return switch (field) {
            case FieldTypes.SingleChoice choice -> {
                if (!scorable(choice)) {
                    yield null;
                }
                yield new int[] {choice.options().stream().mapToInt(FieldTypes.Option::score).min().orElse(0),
                        choice.options().stream().mapToInt(FieldTypes.Option::score).max().orElse(0)};
            }
            case FieldTypes.RatingScale scale -> new int[] {scale.min(), scale.max()};
            case FieldTypes.YesNo ignored -> new int[] {0, 1};
            case FieldTypes.NumberInput number -> {
                if (number.min() == null || number.max() == null
                        || number.min().abs().compareTo(ITEM_LIMIT) > 0 || number.max().abs().compareTo(ITEM_LIMIT) > 0) {
                    yield null;
                }
                yield new int[] {number.min().setScale(0, RoundingMode.HALF_UP).intValueExact(),
                        number.max().setScale(0, RoundingMode.HALF_UP).intValueExact()};
            }
            default -> null;
        };
    }

    /** Whether a field can be a scored item. */
    public static boolean scorable(Field field) {
        return switch (field) {
            case FieldTypes.SingleChoice choice -> !choice.options().isEmpty()
                    && choice.options().stream().allMatch(o -> o.score() != null);
            case FieldTypes.RatingScale ignored -> true;
            case FieldTypes.YesNo ignored -> true;
            case FieldTypes.NumberInput ignored -> true;
            default -> false;
        };
    }

    private static Integer itemScore(Field field, Object answer, boolean reversed) {
        if (answer == null || field.check(answer, false) != null) {
            return null;
        }
        return switch (field) {
            case FieldTypes.SingleChoice choice -> {
                FieldTypes.Option option = choice.option((String) answer);
                if (option == null || option.score() == null) {
                    yield null;
                }
                int low = choice.options().stream().mapToInt(o -> o.score() == null ? 0 : o.score()).min().orElse(0);
                int high = choice.options().stream().mapToInt(o -> o.score() == null ? 0 : o.score()).max().orElse(0);
                yield reversed ? low + high - option.score() : option.score();
            }
            case FieldTypes.RatingScale scale -> {
                int value = FieldTypes.whole(answer);
                yield reversed ? scale.min() + scale.max() - value : value;
            }
            case FieldTypes.YesNo ignored -> {
                int value = Boolean.TRUE.equals(answer) ? 1 : 0;
                yield reversed ? 1 - value : value;
            }
            case FieldTypes.NumberInput number -> {
                BigDecimal value = FieldTypes.decimal(answer);
                // a scored number is a count or a rating: beyond ±1,000,000 it is not counted, so 100 items never overflow
                if (value == null || value.abs().compareTo(ITEM_LIMIT) > 0) {
                    yield null;
                }
                int whole = value.setScale(0, RoundingMode.HALF_UP).intValueExact();
                if (reversed && number.min() != null && number.max() != null
                        && number.min().abs().compareTo(ITEM_LIMIT) <= 0 && number.max().abs().compareTo(ITEM_LIMIT) <= 0) {
                    yield number.min().add(number.max()).setScale(0, RoundingMode.HALF_UP).intValueExact() - whole;
                }
                yield whole;
            }
            default -> null;
        };
    }
}
