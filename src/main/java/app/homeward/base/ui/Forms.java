package app.homeward.base.ui;

import app.homeward.base.DomainException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.Map;

/**
 * Shows a service's {@link DomainException} where it belongs: next to its field, or in the form's
 * alert area when it concerns the whole form. Messages are translated here, in the view.
 */
public final class Forms {

    private Forms() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields, FormAlert alert) {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        if (alert != null) {
            alert.clear();
        }
    }

    public static void show(DomainException e, Map<String, ? extends HasValidation> fields, FormAlert alert,
                            Component translator) {
        String message = translator.getTranslation(e.messageKey(), e.arguments());
        HasValidation field = e.field() == null ? null : fields.get(e.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        } else if (alert != null) {
            alert.show(message);
        } else {
            notifyError(message);
        }
    }

    /**
     * A form's submit: clears what the last attempt showed, then makes the service call ({@code action}, which
     * also says what happened when it worked); a refusal is shown next to its field, or in the form's alert.
     */
    public static void submit(Map<String, ? extends HasValidation> fields, FormAlert alert, Component page,
                              Runnable action) {
        clear(fields, alert);
        try {
            action.run();
        } catch (DomainException problem) {
            show(problem, fields, alert, page);
        }
    }

    /**
     * A staff page's button that makes one service call: a notification either way (a refusal translated by
     * {@code page}), then {@code reload} shows the new state, which another person may have changed too.
     */
    public static void run(Runnable action, String success, Component page, Runnable reload) {
        try {
            action.run();
            notifySuccess(success);
        } catch (DomainException problem) {
            notifyError(page.getTranslation(problem.messageKey(), problem.arguments()));
        }
        reload.run();
    }

    /** Where staff pages show notifications: at the bottom, out of the way of the page's header and actions. */
    static final Notification.Position STAFF = Notification.Position.BOTTOM_CENTER;
    /**
     * Where the client portal shows them: at the top. Clients use phones, where a notification at the
     * bottom covers the form's last fields, the sticky save bar and the bottom navigation.
     */
    static final Notification.Position CLIENT = Notification.Position.TOP_CENTER;

    public static void notifySuccess(String message) {
        show(message, 4000, NotificationVariant.SUCCESS, STAFF);
    }

    public static void notifyError(String message) {
        show(message, 6000, NotificationVariant.ERROR, STAFF);
    }

    /** {@link #notifySuccess(String)} on a client-portal page (under /my): at the top of the screen. */
    public static void notifyClientSuccess(String message) {
        show(message, 4000, NotificationVariant.SUCCESS, CLIENT);
    }

    /** {@link #notifyError(String)} on a client-portal page (under /my): at the top of the screen. */
    public static void notifyClientError(String message) {
        show(message, 6000, NotificationVariant.ERROR, CLIENT);
    }

    /**
     * Shows one notification at a time: a new one closes the one before it, so confirmations do not pile up as
     * a person saves one section after another or moves between pages.
     */
    private static void show(String message, int millis, NotificationVariant variant, Notification.Position position) {
        UI ui = UI.getCurrent();
        Notification last = ui == null ? null : ComponentUtil.getData(ui, Notification.class);
        if (last != null && last.isOpened()) {
            last.close();
        }
        Notification n = Notification.show(message, millis, position);
        n.addThemeVariants(variant);
        if (ui != null) {
            ComponentUtil.setData(ui, Notification.class, n);
        }
    }

    /** A section's save button: the same look in every section of every settings page. */
    public static Button sectionSave(Button save) {
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClassName("section-save");
        return save;
    }

    /** A polite live region above a form for messages that belong to no single field. */
    public static class FormAlert extends Div {

        public FormAlert() {
            addClassName("form-alert");
            getElement().setAttribute("role", "alert");
            setVisible(false);
        }

        public void show(String message) {
            setText(message);
            setVisible(true);
        }

        public void info(String message) {
            show(message);
            addClassName("form-alert--info");
        }

        public void clear() {
            setText("");
            removeClassName("form-alert--info");
            setVisible(false);
        }
    }
}
