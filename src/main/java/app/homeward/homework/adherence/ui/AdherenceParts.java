package app.homeward.homework.adherence.ui;

import app.homeward.base.ui.Markup;
import app.homeward.homework.adherence.AdherenceReport;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.AdherenceStats;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.ui.Charts;
import app.homeward.homework.ui.ClientFormat;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Pieces the adherence page and the client's adherence panel share: the figures, the reasons a
 * client needs attention in words, the help text that defines the rates, the window choice, and the
 * charts (Chart.js from its WebJar, as {@link Charts}), each followed by its numbers as a table.
 */
final class AdherenceParts {

    private AdherenceParts() {
    }

    /** "Last 4 / 8 / 12 weeks". */
    static Select<Integer> windowChoice(Component t, int initial) {
        Select<Integer> window = new Select<>();
        window.setLabel(t.getTranslation("adherence.window"));
        window.setItems(AdherenceService.WINDOWS);
        window.setItemLabelGenerator(weeks -> t.getTranslation("adherence.window.weeks", weeks));
        window.setValue(initial);
        return window;
    }

    /** The numbers as labelled facts; "–" where there is nothing to average. */
    static Div figures(AdherenceStats stats, Component t) {
        Locale locale = ClientFormat.locale(t);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(t.getTranslation("adherence.completion"), percent(stats.completionPercent(), t));
        facts.put(t.getTranslation("adherence.on-time"), percent(stats.onTimePercent(), t));
        facts.put(t.getTranslation("adherence.split"),
                t.getTranslation("adherence.split.value", stats.done(), stats.partial(), stats.missed()));
        facts.put(t.getTranslation("adherence.counted"), String.valueOf(stats.counted()));
        facts.put(t.getTranslation("adherence.missed-run"),
                t.getTranslation("adherence.missed-run.value", stats.longestMissedRun(), stats.currentMissedRun()));
        facts.put(t.getTranslation("adherence.difficulty"), rating(stats.averageDifficulty(), locale, t));
        facts.put(t.getTranslation("adherence.helpful"), rating(stats.averageHelpful(), locale, t));
        facts.put(t.getTranslation("adherence.percent-done"), stats.averagePercentDone() == null ? ClientFormat.NONE
                : t.getTranslation("adherence.percent", decimal(stats.averagePercentDone(), locale)));
        // eight figures the panel only ever replaces as a whole: one element of markup instead of 41 (0043)
        Div figures = Markup.facts("client-facts", facts);
        figures.addClassName("adherence-figures");
        return figures;
    }

    static String percent(Integer value, Component t) {
        return value == null ? ClientFormat.NONE : t.getTranslation("adherence.percent", value);
    }

    private static String rating(Double value, Locale locale, Component t) {
        return value == null ? ClientFormat.NONE : t.getTranslation("adherence.rating", decimal(value, locale));
    }

    private static String decimal(double value, Locale locale) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(locale, "%.1f", value);
    }

    /** A reason a client needs attention, in words. */
    static String reason(AdherenceReport.Reason reason, Component t) {
        return t.getTranslation(reason.messageKey(), reason.count(), reason.from(), reason.to(), reason.measure());
    }

    /** How the numbers are worked out, folded away under a summary. */
    static Details help(Component t) {
        // text the page never changes, folded away on every adherence panel: its paragraphs go as the body's
        // markup (jsoup escapes them), one element instead of fifteen held for as long as the page is open (0043)
        Div body = Markup.paragraphs(Stream.of("counted", "completion", "on-time", "reflections", "missed-run",
                "attention", "example").map(key -> t.getTranslation("adherence.help." + key)).toList());
        Details help = new Details(t.getTranslation("adherence.help"), body);
        help.addClassName("adherence-help");
        return help;
    }

    private static List<String> weekLabels(List<AdherenceReport.Week> weeks, Component t) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", ClientFormat.locale(t));
        return weeks.stream().map(w -> w.start().format(day)).toList();
    }

    /** Completions per week as stacked bars (done, partly done, missed), with the table. */
    static Component weeklyChart(List<AdherenceReport.Week> weeks, Component t) {
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        series.put(t.getTranslation("occurrence.done"), weeks.stream().map(AdherenceReport.Week::done).toList());
        series.put(t.getTranslation("occurrence.partial"), weeks.stream().map(AdherenceReport.Week::partial).toList());
        series.put(t.getTranslation("occurrence.missed"), weeks.stream().map(AdherenceReport.Week::missed).toList());
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", ClientFormat.locale(t));
        Component chart = Charts.chart("bar", t.getTranslation("adherence.weeks.caption",
                weeks.getFirst().start().format(date)), weekLabels(weeks, t), series, true);
        chart.addClassName("adherence-weeks");
        return chart;
    }

    /**
     * One measure's latest score per week (left axis) beside the week's homework completion in
     * percent (right axis, dashed), as lines with gaps where there is no value, and the table.
     */
    static Component measureChart(ClientAdherence.MeasureTrend measure, List<AdherenceReport.Week> weeks, Component t) {
        return measureChart(measure, weeks, t, null);
    }

    /**
     * The same, on the measure's own scale when the page knows it ({@code scale}, else null): the left axis
     * fixed to the scale's range, its severity bands shaded and its cut-off dashed, as on the Measures tab.
     */
    static Component measureChart(ClientAdherence.MeasureTrend measure, List<AdherenceReport.Week> weeks, Component t,
                                  MeasureHistory scale) {
        List<String> labels = weekLabels(weeks, t);
        List<Integer> completion = weeks.stream().map(AdherenceReport.Week::completionPercent).toList();
        String scoreLabel = t.getTranslation("adherence.measures.score", measure.title());
        String completionLabel = t.getTranslation("adherence.measures.completion");

        Charts.Canvas chart = Charts.canvas("adherence-measure");
        Div box = chart.box();

        Map<String, List<Integer>> series = new LinkedHashMap<>();
        series.put(scoreLabel, measure.scores());
        series.put(completionLabel, completion);
        box.getElement().appendChild(Charts.behindToggle(
                Charts.table(t.getTranslation("adherence.measures.caption", measure.title()), labels, series)));

        chart.draw(measureConfig(measure, labels, completion, t, scale));
        return box;
    }

    /** The Chart.js configuration of {@link #measureChart}: score on the left (on its scale when known), completion on the right. */
    static Map<String, Object> measureConfig(ClientAdherence.MeasureTrend measure, List<String> labels,
                                             List<Integer> completion, Component t, MeasureHistory scale) {
        String scoreLabel = t.getTranslation("adherence.measures.score", measure.title());
        String completionLabel = t.getTranslation("adherence.measures.completion");
        List<Map<String, Object>> datasets = new ArrayList<>();
        datasets.add(dataset(scoreLabel, measure.scores(), "#2f6f73", "y", false));
        datasets.add(dataset(completionLabel, completion, "#c98a00", "y1", true));
        Map<String, Object> y = new LinkedHashMap<>(Map.of("beginAtZero", true, "position", "left",
                "ticks", Map.of("precision", 0),
                "title", Map.of("display", true, "text", t.getTranslation("adherence.measures.axis.score"))));
        if (scale != null) {
            datasets.addAll(Charts.bandAreas(scale.scoring().bands(), scale.max(), labels.size(), "y"));
            if (scale.scoring().cutoff() != null) {
                datasets.add(Charts.cutoffLine(t.getTranslation("measures.cutoff.short"), scale.scoring().cutoff(),
                        labels.size(), "y"));
            }
            if (scale.min() != null) {
                y.put("min", scale.min());
            }
            if (scale.max() != null) {
                y.put("max", scale.max());
            }
        }
        return Map.of("type", "line",
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("responsive", true, "maintainAspectRatio", false, "animation", false,
                        "spanGaps", true,
                        "scales", Map.of(
                                "y", y,
                                "y1", Map.of("min", 0, "max", 100, "position", "right", "grid", Map.of("drawOnChartArea", false),
                                        "title", Map.of("display", true, "text", t.getTranslation("adherence.measures.axis.completion"))))));
    }

    private static Map<String, Object> dataset(String label, List<Integer> values, String colour, String axis,
                                               boolean dashed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("label", label);
        data.put("data", values); // nulls are gaps
        data.put("borderColor", colour);
        data.put("backgroundColor", colour);
        data.put("yAxisID", axis);
        data.put("tension", 0.2);
        if (dashed) {
            data.put("borderDash", List.of(6, 4));
        }
        return data;
    }
}
