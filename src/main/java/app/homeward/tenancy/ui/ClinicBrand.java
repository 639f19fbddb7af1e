package app.homeward.tenancy.ui;

import app.homeward.tenancy.Contrast;

import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;

/** A clinic's look: its logo (or a monogram) and name, and its accent colour applied to the page. */
public final class ClinicBrand {

    private ClinicBrand() {
    }

    /** Logo or monogram plus the clinic's name, as a header block. */
    public static Component header(ClinicBranding clinic, ClinicDirectory directory, boolean large) {
        Div brand = new Div();
        brand.addClassNames("clinic-brand", large ? "clinic-brand--large" : "clinic-brand--small");
        brand.add(mark(clinic, directory), new Span(clinic.name()));
        return brand;
    }

    public static Component mark(ClinicBranding clinic, ClinicDirectory directory) {
        if (clinic.hasLogo()) {
            Image logo = new Image(DownloadHandler.fromInputStream(event -> directory.logo(clinic.id())
                    .map(l -> new DownloadResponse(new ByteArrayInputStream(l.bytes()), "logo", l.contentType(), l.bytes().length))
                    .orElse(DownloadResponse.error(404))), "");
            logo.addClassName("clinic-logo");
            // decorative: the clinic's name is right beside it
            logo.getElement().setAttribute("aria-hidden", "true");
            return logo;
        }
        Span monogram = new Span(clinic.name().isEmpty() ? "?" :
                clinic.name().substring(0, clinic.name().offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT));
        monogram.addClassName("clinic-monogram");
        monogram.getElement().setAttribute("aria-hidden", "true");
        return monogram;
    }

    /** Sets the clinic's accent on the whole page (the UI element is the body, so overlays get it too). */
    public static void apply(UI ui, ClinicBranding clinic) {
        apply(ui, clinic.accentColor());
        // the tab shows the clinic's logo where it has one (Favicons); the version makes a new logo show at once
        ui.getPage().executeJs("document.querySelectorAll('link[rel~=\"icon\"]').forEach(l => l.href = $0)",
                ICON_PATH + clinic.slug() + "?v=" + clinic.logoVersion());
    }

    /** Applies a clinic's new look to this tab and tells the layout around the page ({@link BrandingChanged}). */
    public static void changed(UI ui, ClinicBranding clinic) {
        apply(ui, clinic);
        ComponentUtil.fireEvent(ui, new BrandingChanged(ui, clinic));
    }

    /**
     * A page that has just read its clinic shows it to the layout around it: the layout is built after the page
     * in the same round trip and takes it instead of reading the clinic's row again (one statement fewer on the
     * first page of a tab; the query budgets). It is not kept: the layout takes it, or drops it when the
     * navigation is over ({@link #takeShown}).
     */
    public static void shown(ClinicBranding clinic) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.setData(ui, ShownByPage.class, new ShownByPage(clinic));
        }
    }

    /** The clinic as the page read it in this round trip, if it did; taken, so the UI never holds it. */
    public static Optional<ClinicBranding> takeShown(UI ui) {
        ShownByPage shown = ComponentUtil.getData(ui, ShownByPage.class);
        ComponentUtil.setData(ui, ShownByPage.class, null);
        return Optional.ofNullable(shown).map(ShownByPage::clinic);
    }

    private record ShownByPage(ClinicBranding clinic) {
    }

    /** Where a clinic's tab icon is served ({@code app.homeward.clinic.Favicons}). */
    public static final String ICON_PATH = "/icons/clinic/";

    public static void apply(UI ui, String accent) {
        var style = ui.getElement().getStyle();
        style.set("--homeward-accent", accent);
        style.set("--lumo-primary-color", accent);
        style.set("--lumo-primary-text-color", Contrast.readableOnWhite(accent) ? accent : "#1f2933");
        style.set("--lumo-primary-color-50pct", accent + "80");
        style.set("--lumo-primary-color-10pct", accent + "1a");
        style.set("--lumo-primary-contrast-color", Contrast.textOn(accent));
        if (Contrast.resemblesError(accent)) {
            // a red focus ring on an empty field reads as "this is wrong": ring focus in the page's ink instead
            style.set("--vaadin-focus-ring-color", "#1f2933b3");
        } else {
            style.remove("--vaadin-focus-ring-color");
        }
    }
}
