package app.homeward.security.ui;

import app.homeward.base.RequestOrigin;
import app.homeward.base.Dates;
import app.homeward.base.Messages;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PageLanguage;
import app.homeward.base.ui.PublicPage;
import app.homeward.security.ClinicLinks;
import app.homeward.security.RememberedClinic;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import jakarta.servlet.http.HttpServletRequest;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /login: sign-in belongs to a clinic, so this page asks for the clinic's address, or emails the
 * person the links of every clinic where they have an account (same answer whether or not they do).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class ClinicFinderView extends PublicPage implements HasDynamicTitle, BeforeEnterObserver {

    private static final Pattern SLUG_IN_ADDRESS = Pattern.compile("(?:.*/c/)?([A-Za-z0-9-]{1,64})/?$");

    private final TextField clinic = new TextField();
    private final EmailField email = new EmailField();
    private final Forms.FormAlert findAlert = new Forms.FormAlert();
    private final Forms.FormAlert linksAlert = new Forms.FormAlert();
    private final ClinicDirectory clinics;
    private final ClinicLinks links;
    /** "Sign in to Sunrise Therapy": the clinic this browser last signed in to, when there is one. */
    final Anchor remembered = new Anchor();

    public ClinicFinderView(ClinicDirectory clinics, ClinicLinks links) {
        this.clinics = clinics;
        this.links = links;
        remembered.setId("remembered-clinic");
        remembered.addClassName("remembered-clinic");
        remembered.setVisible(false);
        clinic.setId("clinic-address");
        clinic.setMaxLength(200);
        clinic.setWidthFull();
        email.setId("links-email");
        email.setMaxLength(254);
        email.setWidthFull();
    }

    /**
     * Someone sent here because a page needs a sign-in (signed out, session ended) goes to the sign-in page
     * of the clinic this browser last signed in to; someone who opened /login themselves is offered it. The
     * page speaks the language of the link, of an earlier public page or of the browser ({@link PageLanguage}),
     * so it is built here, once that is known, and not in the constructor.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        HttpServletRequest request = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest();
        var clinic = RememberedClinic.slug(request).flatMap(clinics::findActiveBySlug);
        if (clinic.isPresent() && sentHereToSignIn()) {
            event.forwardTo("c/" + clinic.get().slug());
            return;
        }
        Locale language = PageLanguage.choose(event.getLocation(), Messages.supported(event.getUI().getLocale()).getLanguage());
        event.getUI().setLocale(Dates.viewerLocale(language, PageLanguage.browserRegion(), ""));
        build();
        setLanguageSwitch(PageLanguage.switcher(event.getLocation(), language));
        clinic.ifPresentOrElse(c -> {
            remembered.setHref("c/" + c.slug());
            remembered.setText(getTranslation("login.remembered", c.name()));
            remembered.setVisible(true);
        }, () -> remembered.setVisible(false));
    }

    private void build() {
        clinic.setLabel(getTranslation("login.clinic-address"));
        clinic.setHelperText(getTranslation("login.clinic-address.help"));
        Button go = new Button(getTranslation("login.go"), e -> {
            Forms.clear(Map.of("clinic", clinic), findAlert);
            String slug = slugFrom(clinic.getValue());
            if (slug == null || clinics.findActiveBySlug(slug).isEmpty()) {
                clinic.setErrorMessage(getTranslation("login.clinic-unknown"));
                clinic.setInvalid(true);
                return;
            }
            getUI().ifPresent(ui -> ui.navigate("c/" + slug));
        });
        go.addThemeVariants(ButtonVariant.PRIMARY);
        go.addClickShortcut(Key.ENTER).listenOn(clinic);
        go.setId("go-to-clinic");

        email.setLabel(getTranslation("login.links.email"));
        Button send = new Button(getTranslation("login.links.send"), e -> {
            Forms.submit(Map.of("email", email), linksAlert, this, () -> {
                links.emailLinks(email.getValue(), RequestOrigin.current());
                linksAlert.info(getTranslation("login.links.sent"));
            });
        });
        send.setId("send-links");

        Paragraph newClinic = new Paragraph();
        newClinic.add(getTranslation("login.new-clinic") + " ");
        newClinic.add(new Anchor("signup", getTranslation("landing.start")));
        Anchor operator = new Anchor("platform/sign-in", getTranslation("login.operator"));
        operator.addClassName("quiet-link");

        setCardContent(title(getTranslation("login.title")), remembered, new Paragraph(getTranslation("login.intro")),
                findAlert, clinic, go, new H2(getTranslation("login.links.title")),
                new Paragraph(getTranslation("login.links.intro")), linksAlert, email, send, newClinic, operator);
    }

    /** Vaadin's access control keeps the page that needed a sign-in in the session before it sends a person here. */
    private static boolean sentHereToSignIn() {
        var session = VaadinSession.getCurrent();
        return session != null && session.getSession() != null && session.getSession()
                .getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT) != null;
    }

    /** Accepts "sunrise", "/c/sunrise" or a full https://…/c/sunrise address. */
    static String slugFrom(String input) {
        if (input == null) {
            return null;
        }
        Matcher m = SLUG_IN_ADDRESS.matcher(input.strip());
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Homeward";
    }
}
