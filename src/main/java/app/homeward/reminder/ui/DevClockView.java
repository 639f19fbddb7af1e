package app.homeward.reminder.ui;

import app.homeward.base.ui.DevTools;
import app.homeward.reminder.DevClock;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * /dev/clock: moves the application's clock in development, to watch a reminder planned for 19:00
 * arrive in the development mailbox without waiting. Not found anywhere else.
 */
@Route(value = "dev/clock", autoLayout = false)
@PageTitle("Development clock · Homeward")
@AnonymousAllowed
public class DevClockView extends Main implements BeforeEnterObserver {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DevClock clock;
    private final Paragraph now = new Paragraph();

    public DevClockView(DevClock clock) {
        this.clock = clock;
        addClassName("mailbox-page");
        now.setId("dev-clock-now");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!clock.available() || !DevTools.allowed()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        DateTimePicker to = new DateTimePicker(getTranslation("devclock.to"));
        to.setId("dev-clock-to");
        to.setStep(Duration.ofMinutes(15));
        Button go = new Button(getTranslation("devclock.go"), e -> {
            if (to.getValue() != null) {
                clock.moveTo(to.getValue().toInstant(ZoneOffset.UTC));
                show();
            }
        });
        go.setId("dev-clock-go");
        Button hour = new Button(getTranslation("devclock.hour"), e -> {
            clock.moveBy(Duration.ofHours(1));
            show();
        });
        Button day = new Button(getTranslation("devclock.day"), e -> {
            clock.moveBy(Duration.ofDays(1));
            show();
        });
        Button reset = new Button(getTranslation("devclock.reset"), e -> {
            clock.reset();
            show();
        });
        reset.setId("dev-clock-reset");
        add(new H1(getTranslation("devclock.title")), new Paragraph(getTranslation("devclock.intro")), now,
                new Div(hour, day, reset), new Div(to, go), new Anchor("/dev/mailbox", getTranslation("devclock.mailbox")));
        show();
    }

    private void show() {
        now.setText(getTranslation("devclock.now", UTC.format(clock.now()), clock.offset().toString()));
    }
}
