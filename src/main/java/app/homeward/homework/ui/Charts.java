package app.homeward.homework.ui;

import app.homeward.worksheet.Scoring;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Charts with Chart.js from its WebJar, loaded at run time (no frontend bundle), each followed by
 * the same numbers as a table for screen readers and for anyone who prefers numbers. The chart is
 * decoration ({@code aria-hidden}); the table is the content.
 */
public final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String SCRIPT = "/webjars/chart.js/dist/chart.umd.min.js";

    private Charts() {
    }

    /**
     * A chart of {@code type} ("bar" or "line") over {@code labels}, with one dataset per entry of
     * {@code series} (label → values), and the table underneath.
     */
    public static Component chart(String type, String caption, List<String> labels, Map<String, List<Integer>> series,
                           boolean stacked) {
        Canvas chart = canvas();
        chart.canvas().setAttribute("role", "img");
        Div box = chart.box();
        box.getElement().appendChild(behindToggle(table(caption, labels, series)));
        String[] colours = {"#2f6f73", "#a3c9a8", "#c98a00", "#5b6c8f"};
        List<Map<String, Object>> datasets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Integer>> s : series.entrySet()) {
            String colour = colours[i++ % colours.length];
            datasets.add(Map.of("label", s.getKey(), "data", s.getValue(), "backgroundColor", colour,
                    "borderColor", colour, "tension", 0.2));
        }
        Map<String, Object> config = Map.of("type", type,
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("responsive", true, "maintainAspectRatio", false, "animation", false,
                        "scales", Map.of("x", Map.of("stacked", stacked), "y", Map.of("stacked", stacked, "beginAtZero", true,
                                "ticks", Map.of("precision", 0)))));
        chart.draw(config);
        return box;
    }

    /**
     * The table folded under "Show as a table" (a native disclosure, keyboard and screen-reader friendly):
     * shown in full under every chart it repeated the chart at length (issue 14).
     */
    public static Element behindToggle(Element table) {
        Element details = new Element("details");
        details.getClassList().add("chart-table-toggle");
        UI ui = UI.getCurrent();
        details.appendChild(new Element("summary").setText(ui == null ? "Show as a table" : ui.getTranslation("charts.show-table")));
        details.appendChild(table);
        return details;
    }

    /**
     * Where a chart is drawn: a box (with the chart's own classes) holding a frame with the canvas that
     * Chart.js draws on. The canvas is hidden from screen readers; the table each chart adds to the box
     * carries the same values.
     */
    public record Canvas(Div box, Element canvas) {

        /** Draws {@code config} once Chart.js has loaded (the script loads asynchronously). */
        public void draw(Map<String, Object> config) {
            canvas.executeJs("const el = this; const config = JSON.parse($0);"
                    + "const draw = () => { if (!window.Chart) { setTimeout(draw, 100); return; } new window.Chart(el, config); };"
                    + "draw();", JSON.writeValueAsString(config));
        }
    }

    /** A new {@link Canvas}, its box with the class "chart-box" and {@code classNames}. */
    public static Canvas canvas(String... classNames) {
        Div box = new Div();
        box.addClassName("chart-box");
        box.addClassNames(classNames);
        Element canvas = new Element("canvas");
        canvas.setAttribute("aria-hidden", "true");
        Div frame = new Div();
        frame.addClassName("chart-frame");
        frame.getElement().appendChild(canvas);
        box.add(frame);
        return new Canvas(box, canvas);
    }

    /**
     * The data-table alternative of a chart, for screen readers and for reading exact values; gaps show as "–".
     * <p>
     * The rows go to the browser as the table's markup in one property ({@code innerHTML}, every text escaped by
     * jsoup), not as an element per cell: the page never changes a cell, and a server-side element costs about
     * 0.5 kB of session memory for as long as the page is open, so a 12-week table held 60–90 of them (about a
     * third of a therapist's client page, bench/session-memory). The browser builds the same table (its parser
     * puts the rows in an implicit tbody, which no style depends on).
     * {@link #tableText} and {@link #tableRows} read it back for tests.
     */
    public static Element table(String caption, List<String> labels, Map<String, List<Integer>> series) {
        Map<String, List<String>> text = new java.util.LinkedHashMap<>();
        series.forEach((name, values) -> text.put(name, values.stream()
                .map(value -> value == null ? ClientFormat.NONE : String.valueOf(value)).toList()));
        return textTable(caption, labels, text);
    }

    /** The text of a table made by {@link #table} (caption, headings and cells), as a reader would get it. */
    public static String tableText(Element table) {
        return org.jsoup.Jsoup.parseBodyFragment("<table>" + table.getProperty("innerHTML", "") + "</table>").text();
    }

    /** The number of rows (the heading row included) of a table made by {@link #table}. */
    public static int tableRows(Element table) {
        return org.jsoup.Jsoup.parseBodyFragment("<table>" + table.getProperty("innerHTML", "") + "</table>")
                .select("tr").size();
    }

    /**
     * A scale's severity bands as shaded areas behind a line, with core Chart.js alone (each a flat line
     * filled down to the one before it, so no plugin is loaded); {@code axis} the y-axis id, null for the
     * chart's only one.
     */
    public static List<Map<String, Object>> bandAreas(List<Scoring.Band> bands, Integer max,
                                                      int points, String axis) {
        List<Scoring.Band> sorted = bands.stream()
                .sorted(Comparator.comparingInt(Scoring.Band::min)).toList();
        List<Map<String, Object>> areas = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            var band = sorted.get(i);
            int top = max == null ? band.max() : Math.min(band.max(), max);
            // a band covers its whole last point: 0–4 shades up to 4.5, where 5–9 begins
            double upper = i < sorted.size() - 1 ? top + 0.5 : top;
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("label", band.label());
            area.put("data", Collections.nCopies(points, upper));
            area.put("borderWidth", 0);
            area.put("pointRadius", 0);
            area.put("pointHitRadius", 0);
            area.put("backgroundColor", BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)]);
            area.put("fill", i == 0 ? "origin" : "-1");
            area.put("order", 2);
            if (axis != null) {
                area.put("yAxisID", axis);
            }
            areas.add(area);
        }
        return areas;
    }

    /** The clinical cut-off as a dashed line across the chart. */
    public static Map<String, Object> cutoffLine(String label, int cutoff, int points, String axis) {
        Map<String, Object> line = new LinkedHashMap<>(Map.of("label", label,
                "data", Collections.nCopies(points, cutoff), "borderColor", "#8a1c1c",
                "borderDash", List.of(6, 4), "borderWidth", 2, "pointRadius", 0, "pointHitRadius", 0, "fill", false,
                "order", 1));
        if (axis != null) {
            line.put("yAxisID", axis);
        }
        return line;
    }

    /** Translucent fills for severity bands, mildest first; more bands than colours reuse the last. */
    private static final String[] BAND_FILLS = {"rgba(47,111,115,0.10)", "rgba(163,201,168,0.22)",
            "rgba(201,138,0,0.16)", "rgba(201,90,0,0.18)", "rgba(170,40,40,0.18)"};

    /**
     * A measure's scores over time drawn on its own scale: the y-axis fixed from {@code min} to {@code max}
     * (so 12 of 27 never looks like the top of the chart), the severity bands as shaded areas behind the
     * line, and the clinical cut-off as a dashed line. The bands are drawn with core Chart.js alone (each a
     * flat line filled down to the one before it), so no plugin is loaded. The table underneath carries the
     * same scores with their band, for screen readers and for exact values.
     */
    public static Component measureChart(String caption, List<String> labels, String scoreLabel, List<Integer> scores,
                                  List<String> bandOfEach, Integer min, Integer max,
                                  List<Scoring.Band> bands, Integer cutoff,
                                  String bandLabel, String cutoffLabel) {
        Canvas chart = canvas("measure-chart");
        Div box = chart.box();
        Map<String, List<String>> text = new LinkedHashMap<>();
        text.put(scoreLabel, scores.stream().map(String::valueOf).toList());
        if (bandOfEach.stream().anyMatch(Objects::nonNull)) {
            text.put(bandLabel, bandOfEach.stream().map(b -> b == null ? ClientFormat.NONE : b).toList());
        }
        box.getElement().appendChild(behindToggle(textTable(caption, labels, text)));

        List<Map<String, Object>> datasets = new ArrayList<>();
        datasets.add(Map.of("label", scoreLabel, "data", scores, "borderColor", "#1f4f52", "backgroundColor", "#1f4f52",
                "tension", 0.2, "pointRadius", 4, "order", 0));
        datasets.addAll(bandAreas(bands, max, labels.size(), null));
        if (cutoff != null) {
            datasets.add(cutoffLine(cutoffLabel, cutoff, labels.size(), null));
        }
        Map<String, Object> y = new LinkedHashMap<>();
        Integer step = min == null || max == null ? null : tickStep(max - min);
        y.put("ticks", step == null ? Map.of("precision", 0) : Map.of("precision", 0, "stepSize", step));
        if (min != null) {
            y.put("min", min);
        }
        if (max != null) {
            y.put("max", max);
        }
        Map<String, Object> config = Map.of("type", "line",
                "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("responsive", true, "maintainAspectRatio", false, "animation", false,
                        "plugins", Map.of("legend", Map.of("display", false)),
                        "scales", Map.of("y", y)));
        chart.draw(config);
        return box;
    }

    /**
     * A tick step that divides the scale's range into at most ten equal parts, so the top of the scale is
     * a tick of its own: Chart.js would otherwise count 0, 5 … 25 and add 27 for a PHQ-9, two labels on
     * top of each other. Null (Chart.js decides) when no round step divides it into three to ten parts.
     */
    private static final int[] NICE_STEPS = {1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 25, 30, 40, 50, 100};

    public static Integer tickStep(int range) {
        if (range <= 0) {
            return null;
        }
        for (int step : NICE_STEPS) {
            if (range % step == 0 && range / step <= 10) {
                return range / step >= 3 ? step : null;
            }
        }
        return null;
    }

    /** A table of text values (a measure's score and band per day), sent as markup as {@link #table} explains. */
    public static Element textTable(String caption, List<String> labels, Map<String, List<String>> columns) {
        org.jsoup.nodes.Document page = new org.jsoup.nodes.Document("");
        page.outputSettings().prettyPrint(false);
        org.jsoup.nodes.Element markup = page.appendElement("table");
        markup.appendElement("caption").text(caption);
        org.jsoup.nodes.Element head = markup.appendElement("tr");
        head.appendElement("th").text("");
        columns.keySet().forEach(name -> head.appendElement("th").attr("scope", "col").text(name));
        for (int row = 0; row < labels.size(); row++) {
            org.jsoup.nodes.Element tr = markup.appendElement("tr");
            tr.appendElement("th").attr("scope", "row").text(labels.get(row));
            for (List<String> values : columns.values()) {
                tr.appendElement("td").text(row < values.size() && values.get(row) != null ? values.get(row) : ClientFormat.NONE);
            }
        }
        Element table = new Element("table");
        table.getClassList().add("chart-table");
        table.setProperty("innerHTML", markup.html());
        return table;
    }
}
