package app.homeward.reminder.ui;

import app.homeward.base.Dates;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PageLanguage;
import app.homeward.base.ui.PublicPage;
import app.homeward.reminder.ReminderService;
import app.homeward.reminder.ReminderService.UnsubscribeLink;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * /unsubscribe/{clinic}/{token}: the link at the bottom of every reminder. Opening it changes nothing
 * (mail scanners and link previews open links too); one click on "Stop reminder emails" stops them at
 * once, without signing in, and the page then offers to undo. Unknown or old links get a calm
 * explanation. (Mail providers use the RFC 8058 one-click POST instead: {@code OneClickUnsubscribe}.)
 */
@Route(value = "unsubscribe/:clinic/:token", autoLayout = false)
@AnonymousAllowed
public class UnsubscribeView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final ReminderService reminders;

    public UnsubscribeView(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the email's language (the link says it), else the browser's; dates in the browser's region
        Locale language = PageLanguage.choose(event.getLocation(), getLocale().getLanguage());
        event.getUI().setLocale(Dates.viewerLocale(language, PageLanguage.browserRegion(), ""));
        setLanguageSwitch(PageLanguage.switcher(event.getLocation(), language));
        UUID clinic = uuid(event.getRouteParameters().get("clinic").orElse(""));
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<UnsubscribeLink> link = clinic == null ? Optional.empty() : reminders.unsubscribeLink(clinic, token);
        if (link.isEmpty()) {
            unknown();
            return;
        }
        // the page says the clinic's word for homework, as the email did (decision 0046)
        event.getUI().setLocale(link.get().homeworkWord().on(event.getUI().getLocale()));
        if (link.get().unsubscribed()) {
            done(clinic, token, link.get().clinicName());
            return;
        }
        Paragraph ask = new Paragraph(getTranslation("unsubscribe.ask", link.get().clinicName()));
        ask.setId("unsubscribe-ask");
        Paragraph help = new Paragraph(getTranslation("unsubscribe.ask.help"));
        Button confirm = new Button(getTranslation("unsubscribe.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setId("unsubscribe-confirm");
        confirm.addClickListener(e -> reminders.unsubscribe(clinic, token).ifPresentOrElse(stopped -> {
            done(clinic, token, stopped.clinicName());
            Forms.notifySuccess(getTranslation("unsubscribe.done", stopped.clinicName()));
        }, this::unknown));
        setCardContent(title(getTranslation("unsubscribe.title")), ask, help, confirm);
        confirm.focus();
    }

    /** Reminders are off: say so, and offer to undo. */
    private void done(UUID clinic, String token, String clinicName) {
        Paragraph done = new Paragraph(getTranslation("unsubscribe.done", clinicName));
        done.setId("unsubscribe-done");
        Paragraph later = new Paragraph(getTranslation("unsubscribe.later"));
        Button undo = new Button(getTranslation("unsubscribe.undo"));
        undo.setId("unsubscribe-undo");
        undo.addClickListener(e -> {
            reminders.resubscribe(clinic, token);
            done.setText(getTranslation("unsubscribe.undone", clinicName));
            undo.setVisible(false);
            Forms.notifySuccess(getTranslation("unsubscribe.undone", clinicName));
        });
        setCardContent(title(getTranslation("unsubscribe.title")), done, later, undo);
    }

    private void unknown() {
        Paragraph unknown = new Paragraph(getTranslation("unsubscribe.unknown"));
        unknown.setId("unsubscribe-unknown");
        setCardContent(title(getTranslation("unsubscribe.title")), unknown);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.title") + " · Homeward";
    }
}
