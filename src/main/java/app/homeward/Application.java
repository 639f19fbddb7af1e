package app.homeward;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Homeward: therapy homework for clinics, therapists and clients.
 * Styling comes from plain stylesheets served from the jar, so no frontend bundle is ever built.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/homeward.css")
@Viewport("width=device-width, initial-scale=1")
@Meta(name = "referrer", content = "no-referrer")
public class Application implements AppShellConfigurator {

    /** Homeward's tab icon on every page; pages of a clinic switch it to the clinic's logo (ClinicBrand). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "/favicon.ico", "64x64");
    }

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
