package app.homeward.homework.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Charts with Chart.js from its WebJar, loaded at run time (no frontend bundle), each followed by
 * the same numbers as a table for screen readers and for anyone who prefers numbers. The chart is
 * decoration ({@code aria-hidden}); the table is the content.
 */
final class Charts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SCRIPT = "/webjars/chart.js/dist/chart.umd.min.js";

    private Charts() {
    }

    /**
     * A chart of {@code type} ("bar" or "line") over {@code labels}, with one dataset per entry of
     * {@code series} (label → values), and the table underneath.
     */
    static Component chart(String type, String caption, List<String> labels, Map<String, List<Integer>> series,
                           boolean stacked) {
        Div box = new Div();
        box.addClassName("chart-box");
        Element canvas = new Element("canvas");
        canvas.setAttribute("aria-hidden", "true");
        canvas.setAttribute("role", "img");
        Div frame = new Div();
        frame.addClassName("chart-frame");
        frame.getElement().appendChild(canvas);
        box.add(frame);
        box.getElement().appendChild(table(caption, labels, series));
        String[] colours = {"#2f6f73", "#a3c9a8", "#c98a00", "#5b6c8f"};
        List<Map<String, Object>> datasets = new java.util.ArrayList<>();
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
        String json = JSON.writeValueAsString(config);
        // the script loads asynchronously: wait for it, then draw
        canvas.executeJs("const el = this; const config = JSON.parse($0);"
                + "const draw = () => { if (!window.Chart) { setTimeout(draw, 100); return; } new window.Chart(el, config); };"
                + "draw();", json);
        return box;
    }

    /** The data-table alternative of a chart, for screen readers and for reading exact values; gaps show as "–". */
    static Element table(String caption, List<String> labels, Map<String, List<Integer>> series) {
        Element table = new Element("table");
        table.getClassList().add("chart-table");
        table.appendChild(new Element("caption").setText(caption));
        Element head = new Element("tr");
        head.appendChild(new Element("th").setText(""));
        series.keySet().forEach(name -> head.appendChild(new Element("th").setAttribute("scope", "col").setText(name)));
        table.appendChild(head);
        for (int row = 0; row < labels.size(); row++) {
            Element tr = new Element("tr");
            tr.appendChild(new Element("th").setAttribute("scope", "row").setText(labels.get(row)));
            for (List<Integer> values : series.values()) {
                Integer value = row < values.size() ? values.get(row) : null;
                tr.appendChild(new Element("td").setText(value == null ? ClientFormat.NONE : String.valueOf(value)));
            }
            table.appendChild(tr);
        }
        return table;
    }
}
