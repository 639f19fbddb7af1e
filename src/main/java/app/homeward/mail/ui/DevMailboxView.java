package app.homeward.mail.ui;

import app.homeward.base.ui.DevTools;
import app.homeward.mail.DevMailbox;
import app.homeward.mail.MailMessage;
import app.homeward.mail.MailService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /dev/mailbox: the mails Homeward would have sent, when no SMTP server is configured. Only where
 * {@code homeward.dev-mailbox.enabled} (the default profile), and only for the operator or from this
 * machine; everyone else gets "not found".
 */
@Route(value = "dev/mailbox", autoLayout = false)
@PageTitle("Development mailbox · Homeward")
@AnonymousAllowed
public class DevMailboxView extends Main implements BeforeEnterObserver {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private final DevMailbox mailbox;
    private final MailService mail;

    public DevMailboxView(DevMailbox mailbox, MailService mail) {
        this.mailbox = mailbox;
        this.mail = mail;
        addClassName("mailbox-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mail.capturesMail() || !DevTools.allowed()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        add(new H1(getTranslation("mailbox.title")), new Paragraph(getTranslation("mailbox.intro")),
                new Anchor("/dev/clock", getTranslation("mailbox.clock")));
        var messages = mailbox.latest();
        if (messages.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("mailbox.empty"));
            empty.addClassName("empty-state");
            add(empty);
        }
        messages.forEach(message -> add(render(message)));
    }

    private Component render(MailMessage message) {
        Div card = new Div();
        card.addClassName("mail-card");
        card.add(new H2(message.subject()));
        if (message.fromName() != null) {
            card.add(new Paragraph(getTranslation("mailbox.from", message.fromName())));
        }
        card.add(new Span(getTranslation("mailbox.to", message.to(),
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC).format(message.createdAt()))));
        Pre body = new Pre();
        Matcher m = LINK.matcher(message.text());
        int last = 0;
        while (m.find()) {
            body.add(new Span(message.text().substring(last, m.start())));
            Anchor link = new Anchor(m.group(), m.group());
            link.addClassName("mail-link");
            body.add(link);
            last = m.end();
        }
        body.add(new Span(message.text().substring(last)));
        card.add(body);
        return card;
    }
}
