package app.homeward.base.ui;

import app.homeward.ViewTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where notifications show: at the bottom on staff pages, at the top on the client portal (phones). */
class NotificationPlacementTest extends ViewTest {

    @Test
    void client_portal_notifications_show_at_the_top_clear_of_the_form_and_the_bottom_navigation() {
        Forms.notifyClientSuccess("Sent to your therapist.");
        assertThat(notification("Sent to your therapist.").getPosition()).isEqualTo(Notification.Position.TOP_CENTER);
        assertThat(notification("Sent to your therapist.").getThemeNames()).contains(NotificationVariant.SUCCESS.getVariantName());

        Forms.notifyClientError("Please check the answers marked in red.");
        assertThat(notification("Please check the answers marked in red.").getPosition()).isEqualTo(Notification.Position.TOP_CENTER);
        assertThat(notification("Please check the answers marked in red.").getThemeNames()).contains(NotificationVariant.ERROR.getVariantName());
    }

    @Test
    void staff_page_notifications_stay_at_the_bottom() {
        Forms.notifySuccess("Draft saved.");
        assertThat(notification("Draft saved.").getPosition()).isEqualTo(Notification.Position.BOTTOM_CENTER);
        Forms.notifyError("Something went wrong.");
        assertThat(notification("Something went wrong.").getPosition()).isEqualTo(Notification.Position.BOTTOM_CENTER);
    }

    @Test
    void a_new_notification_replaces_the_one_before_instead_of_piling_up() {
        Forms.notifySuccess("Reminder settings saved.");
        Forms.notifySuccess("Session limits saved.");
        Forms.notifyError("Something went wrong.");

        assertThat(find(Notification.class).all().stream().filter(Notification::isOpened).map(n -> test(n).getText()))
                .containsExactly("Something went wrong.");
    }

    private Notification notification(String text) {
        return find(Notification.class).withCondition(n -> text.equals(test(n).getText())).single();
    }
}
