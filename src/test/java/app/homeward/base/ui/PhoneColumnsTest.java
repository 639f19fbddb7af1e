package app.homeward.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** At phone width the folded columns read as labelled lines under the first cell; an empty one reads as no line. */
class PhoneColumnsTest {

    record Row(String title, String client, String attention) {
    }

    @Test
    void a_folded_column_with_nothing_in_it_adds_no_line_at_phone_width() {
        Grid<Row> grid = new Grid<>();
        PhoneColumns<Row> phone = new PhoneColumns<>(grid);
        Grid.Column<Row> first = phone.first(row -> new Span(row.title()));
        phone.foldedText("Client", Row::client);
        phone.foldedText("Attention", Row::attention);
        phone.width(390);

        assertThat(lines(first, new Row("Mood check", "Nora", "Needs attention")))
                .containsExactly("Client:Nora", "Attention:Needs attention");
        assertThat(lines(first, new Row("Mood check", "Nora", "")))
                .as("no \"Attention:\" with nothing after it").containsExactly("Client:Nora");
    }

    @SuppressWarnings("unchecked")
    private static List<String> lines(Grid.Column<Row> first, Row row) {
        Component cell = ((ComponentRenderer<Component, Row>) first.getRenderer()).createComponent(row);
        return cell.getChildren().skip(1).findFirst().orElseThrow().getChildren()
                .map(line -> line.getElement().getTextRecursively()).toList();
    }
}
