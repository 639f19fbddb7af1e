package app.homeward.reminder;

import app.homeward.base.LinkTokens;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.mail.ClinicSender;
import app.homeward.mail.MailMessage;
import app.homeward.mail.MailService;
import app.homeward.mail.OutgoingMail;
import app.homeward.security.AccountDirectory.Contact;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds each reminder email: the template, the language, the clinic's name and colour, the links and
 * the headers. Nothing about the homework itself goes in: a client's email says that something is due
 * and links to the clinic's page; a staff email links into the app, behind sign-in. A template that
 * fails to render throws, so only that message fails (the delivery records it).
 */
@Component
class ReminderMail {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOR = "#2f6f73";
    /** What differs between two emails of the same clinic, language and kind: filled into a template rendered once. */
    private static final Set<String> CLIENT_FILL_INS = Set.of("recipientName", "unsubscribeLink");
    private static final Set<String> STAFF_FILL_INS = Set.of("recipientName");

    private final MailService mail;
    private final Links links;
    private final String messageIdHost;

    ReminderMail(MailService mail, Links links) {
        this.mail = mail;
        this.links = links;
        String host = links.host();
        this.messageIdHost = host == null ? "homeward.local" : host;
    }

    /** A claimed reminder that still goes out, and to whom: what the composer needs besides the clinic. */
    sealed interface Letter {
        Reminder reminder();

        /** The client the email is about, if it is a client's own reminder. */
        default UUID clientId() {
            return null;
        }
    }

    /** A client's reminder (due soon, overdue, the week ahead), to the client's account email. */
    record ToClient(Reminder reminder, ClientContact client, Contact account) implements Letter {
        @Override
        public UUID clientId() {
            return client.id();
        }
    }

    /** A staff member's email: a digest, "a client needs your attention" or "an alert is still open". */
    record ToStaff(Reminder reminder, Contact staff, StaffNotice notice) implements Letter {
    }

    /** Which template a staff email uses, where its link goes, and what it counts (never who or what). */
    record StaffNotice(String template, String path, Map<String, Object> extra) {
        static final StaffNotice ATTENTION = new StaffNotice("attention", "/app/alerts", Map.of());
        static final StaffNotice ESCALATION = new StaffNotice("escalation", "/app/alerts", Map.of());

        static StaffNotice digest(long entries, long changeRequests) {
            return new StaffNotice("digest", "/app/review", Map.of("entries", entries, "changeRequests", changeRequests));
        }
    }

    OutgoingMail compose(Letter letter, ReminderRules rules, ClinicSender sender) {
        return switch (letter) {
            case ToClient toClient -> toClient(toClient, rules, sender);
            case ToStaff toStaff -> toStaff(toStaff, rules, sender);
        };
    }

    /**
     * A client's reminder, with an unsubscribe secret of its own: the link carries the secret, the row keeps
     * only its hash (set here, saved with the claim).
     */
    private OutgoingMail toClient(ToClient letter, ReminderRules rules, ClinicSender sender) {
        Reminder reminder = letter.reminder();
        ClientContact client = letter.client();
        String token = LinkTokens.newToken();
        String chosen = client.language() != null ? client.language() : letter.account().language();
        Locale language = Locale.forLanguageTag(chosen == null ? rules.clinic().defaultLanguage() : chosen);
        // the email says the clinic's word for homework (decision 0046); staff emails keep "homework"
        Locale locale = rules.homeworkWord().on(language);
        // the unsubscribe page speaks the email's language
        String unsubscribe = links.absolute("/unsubscribe/" + rules.clinic().id() + "/" + token + "?lang="
                + Messages.supported(locale).getLanguage());
        String oneClick = links.absolute("/unsubscribe/one-click/" + rules.clinic().id() + "/" + token);
        Map<String, Object> model = model(client.displayName(), rules);
        model.put("link", links.clinicPage(rules.clinic().slug()));
        model.put("unsubscribeLink", unsubscribe);
        model.put("kind", reminder.getKind().name());
        MailMessage message = mail.prepare(sender, letter.account().email(), locale, "reminder", model, CLIENT_FILL_INS);
        reminder.issueUnsubscribe(LinkTokens.hash(token));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + oneClick + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new OutgoingMail(message, messageId(reminder.getId()), headers);
    }

    private OutgoingMail toStaff(ToStaff letter, ReminderRules rules, ClinicSender sender) {
        Contact staff = letter.staff();
        Map<String, Object> model = model(staff.displayName(), rules);
        model.putAll(letter.notice().extra());
        model.put("link", links.absolute(letter.notice().path()));
        String language = staff.language() != null ? staff.language() : rules.clinic().defaultLanguage();
        MailMessage message = mail.prepare(sender, staff.email(), Locale.forLanguageTag(language),
                letter.notice().template(), model, STAFF_FILL_INS);
        return new OutgoingMail(message, messageId(letter.reminder().getId()), Map.of("Auto-Submitted", "auto-generated"));
    }

    /** What every reminder email shows: whom it greets, and the clinic's name and colour. */
    private static Map<String, Object> model(String recipientName, ReminderRules rules) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("clinicName", rules.clinic().name());
        model.put("clinicColor", safeColor(rules.clinic().accentColor()));
        return model;
    }

    /** Made from the reminder's id: a message sent again after a crash is recognisably the same one. */
    String messageId(UUID reminderId) {
        return "<reminder-" + reminderId + "@" + messageIdHost + ">";
    }

    private static String safeColor(String color) {
        return color != null && COLOR.matcher(color).matches() ? color : DEFAULT_COLOR;
    }
}
