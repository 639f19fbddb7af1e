package app.homeward.reminder.ui;

import app.homeward.base.ui.PublicPage;
import app.homeward.reminder.ReminderService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.util.Optional;
import java.util.UUID;

/**
 * /unsubscribe/{clinic}/{token}: the link at the bottom of every reminder. It stops reminders at
 * once, without signing in, and offers to undo; unknown or old links get a calm explanation.
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
        UUID clinic = uuid(event.getRouteParameters().get("clinic").orElse(""));
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<String> clinicName = clinic == null ? Optional.empty() : reminders.unsubscribe(clinic, token);
        if (clinicName.isEmpty()) {
            Paragraph unknown = new Paragraph(getTranslation("unsubscribe.unknown"));
            unknown.setId("unsubscribe-unknown");
            setCardContent(title(getTranslation("unsubscribe.title")), unknown);
            return;
        }
        Paragraph done = new Paragraph(getTranslation("unsubscribe.done", clinicName.get()));
        done.setId("unsubscribe-done");
        Paragraph later = new Paragraph(getTranslation("unsubscribe.later"));
        Button undo = new Button(getTranslation("unsubscribe.undo"));
        undo.addThemeVariants(ButtonVariant.PRIMARY);
        undo.setId("unsubscribe-undo");
        undo.addClickListener(e -> {
            reminders.resubscribe(clinic, token);
            done.setText(getTranslation("unsubscribe.undone", clinicName.get()));
            undo.setVisible(false);
        });
        setCardContent(title(getTranslation("unsubscribe.title")), done, later, undo);
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
