package app.homeward.tenancy.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The accent's colours on the page, and focus rings that never pass for a validation error. */
class ClinicBrandTest {

    @Test
    void a_red_accent_rings_focus_in_ink_and_a_teal_one_keeps_its_own_colour() {
        UI ui = new UI();

        ClinicBrand.apply(ui, "#e53935");
        assertThat(ui.getElement().getStyle().get("--lumo-primary-color")).isEqualTo("#e53935");
        assertThat(ui.getElement().getStyle().get("--vaadin-focus-ring-color")).isEqualTo("#1f2933b3");

        ClinicBrand.apply(ui, "#2f6f73");
        assertThat(ui.getElement().getStyle().get("--vaadin-focus-ring-color"))
                .as("Lumo's default: the accent at half strength").isNull();
    }
}
