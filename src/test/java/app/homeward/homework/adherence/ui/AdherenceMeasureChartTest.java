package app.homeward.homework.adherence.ui;

import app.homeward.ViewTest;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.worksheet.Scoring;
import com.vaadin.flow.component.html.Div;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the client page the adherence panel's measure chart is drawn on the measure's own scale (issue 13):
 * the score axis fixed to 0–27 for the PHQ-9, its severity bands shaded and the cut-off dashed, all on the
 * score's axis and not on the completion percentage's. Without the scale (a page that did not read the
 * measures) it stays as it was.
 */
class AdherenceMeasureChartTest extends ViewTest {

    static final Scoring PHQ_9 = new Scoring(List.of("item1"), List.of(), List.of(new Scoring.Band(0, 4, "Minimal"),
            new Scoring.Band(5, 9, "Mild"), new Scoring.Band(10, 14, "Moderate"), new Scoring.Band(15, 19, "Moderately severe"),
            new Scoring.Band(20, 27, "Severe")), List.of(), List.of(), null, 0.84, 3.52, 10, null);

    @Test
    @SuppressWarnings("unchecked")
    void the_score_axis_is_the_measures_scale_with_its_bands_and_cut_off() {
        var trend = new ClientAdherence.MeasureTrend("Weekly mood check", Arrays.asList(17, null, 12, 8));
        var scale = new MeasureHistory("Weekly mood check", PHQ_9, 0, 27, List.of(), null, List.of());

        Map<String, Object> config = AdherenceParts.measureConfig(trend, List.of("a", "b", "c", "d"),
                Arrays.asList(100, 0, 50, 100), new Div(), scale);

        var datasets = (List<Map<String, Object>>) ((Map<String, Object>) config.get("data")).get("datasets");
        assertThat(datasets).filteredOn(d -> d.containsKey("fill") && !Boolean.FALSE.equals(d.get("fill")))
                .extracting(d -> d.get("label"), d -> d.get("yAxisID"))
                .containsExactly(Tuple.tuple("Minimal", "y"), Tuple.tuple("Mild", "y"),
                        Tuple.tuple("Moderate", "y"),
                        Tuple.tuple("Moderately severe", "y"), Tuple.tuple("Severe", "y"));
        assertThat(datasets).anySatisfy(d -> {
            assertThat(d.get("borderDash")).isNotNull();
            assertThat(d.get("data")).isEqualTo(List.of(10, 10, 10, 10));
            assertThat(d.get("yAxisID")).isEqualTo("y");
        });
        var y = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) config.get("options")).get("scales")).get("y");
        assertThat(y).containsEntry("min", 0).containsEntry("max", 27);
    }

    @Test
    @SuppressWarnings("unchecked")
    void without_the_scale_only_the_score_and_completion_are_drawn() {
        var trend = new ClientAdherence.MeasureTrend("Weekly mood check", Arrays.asList(17, 12));

        Map<String, Object> config = AdherenceParts.measureConfig(trend, List.of("a", "b"), Arrays.asList(100, 50),
                new Div(), null);

        var datasets = (List<Map<String, Object>>) ((Map<String, Object>) config.get("data")).get("datasets");
        assertThat(datasets).hasSize(2);
        var y = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) config.get("options")).get("scales")).get("y");
        assertThat(y).doesNotContainKeys("min", "max");
    }
}
