package app.homeward.reminder;

import app.homeward.client.ClientDirectory;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.homework.DueHomework;
import app.homeward.homework.HomeworkTimes;
import app.homeward.reminder.ReminderMail.Letter;
import app.homeward.reminder.ReminderMail.StaffNotice;
import app.homeward.reminder.ReminderMail.ToClient;
import app.homeward.reminder.ReminderMail.ToStaff;
import app.homeward.security.AccountDirectory;
import app.homeward.security.AccountDirectory.Contact;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Step 2 of delivery: for each reminder just claimed, whether it still goes out, and to whom. Much may
 * have changed since it was planned: the homework closed, the client left or turned reminders off, an
 * account was deactivated, quiet hours began, an alert was acknowledged. A reminder that no longer goes
 * out is cancelled or postponed here (in the claim's transaction), with the reason in the delivery log.
 * Lookups are made once per batch, not once per reminder.
 */
@Component
class SendTimeCheck {

    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final ReminderPreferenceRepository preferences;
    private final HomeworkTimes homework;
    private final ClientDirectory clients;
    private final AccountDirectory accounts;

    SendTimeCheck(ReminderRepository reminders, ReminderPlanner planner, ReminderPreferenceRepository preferences,
                  HomeworkTimes homework, ClientDirectory clients, AccountDirectory accounts) {
        this.reminders = reminders;
        this.planner = planner;
        this.preferences = preferences;
        this.homework = homework;
        this.clients = clients;
        this.accounts = accounts;
    }

    /** The claimed reminders that still go out, in claim order; every other one is settled here. */
    List<Letter> stillGoingOut(List<Reminder> claimed, ReminderRules rules, Instant now) {
        List<UUID> clientIds = claimed.stream().map(Reminder::getClientId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, ClientContact> contacts = clients.contacts(clientIds).stream()
                .collect(Collectors.toMap(ClientContact::id, Function.identity()));
        Map<UUID, ReminderPreference> prefs = preferences.findByClientIdIn(clientIds).stream()
                .collect(Collectors.toMap(ReminderPreference::getClientId, Function.identity()));
        Map<UUID, DueHomework> open = homework.stillOpen(claimed.stream().map(Reminder::getOccurrenceId)
                .filter(Objects::nonNull).distinct().toList());
        List<UUID> accountIds = contacts.values().stream().map(ClientContact::accountId)
                .filter(Objects::nonNull).distinct().toList();
        Map<UUID, Contact> activeAccounts = accounts.activeContacts(accountIds);
        List<Letter> letters = new ArrayList<>();
        for (Reminder reminder : claimed) {
            if (rules == null || !rules.clinic().active()) {
                reminder.cancel("clinic-not-active", now);
                continue;
            }
            Optional<? extends Letter> letter = switch (reminder.getKind()) {
                case DIGEST -> digest(reminder, now);
                case ALERT -> alert(reminder, now);
                case ESCALATION -> escalation(reminder, now);
                default -> client(reminder, contacts, prefs, open, activeAccounts, rules, now);
            };
            letter.ifPresent(letters::add);
        }
        return letters;
    }

    private Optional<ToClient> client(Reminder reminder, Map<UUID, ClientContact> contacts,
                                      Map<UUID, ReminderPreference> prefs, Map<UUID, DueHomework> open,
                                      Map<UUID, Contact> activeAccounts, ReminderRules rules, Instant now) {
        if (reminder.getClientId() == null) {
            reminder.failed("not-a-client-reminder", now);
            return Optional.empty();
        }
        ClientContact client = contacts.get(reminder.getClientId());
        ReminderPreference pref = prefs.get(reminder.getClientId());
        if (client == null || !client.reachable()) {
            reminder.cancel("client-not-active", now);
            return Optional.empty();
        }
        if (!activeAccounts.containsKey(client.accountId())) {
            reminder.cancel("account-not-active", now);
            return Optional.empty();
        }
        if (pref != null && pref.getUnsubscribedAt() != null) {
            reminder.cancel("unsubscribed", now);
            return Optional.empty();
        }
        if (pref != null ? !pref.isEnabled() : !rules.remindersDefaultOn()) {
            reminder.cancel("reminders-off", now);
            return Optional.empty();
        }
        if (reminder.getOccurrenceId() != null && !open.containsKey(reminder.getOccurrenceId())) {
            reminder.cancel("homework-closed", now);
            return Optional.empty();
        }
        QuietHours quiet = pref != null ? pref.quietHours() : new QuietHours(rules.quietStart(), rules.quietEnd());
        if (quiet.wholeDay()) {
            reminder.cancel("reminders-off", now);
            return Optional.empty();
        }
        Instant allowed = new ReminderTimes(client.zone(), null, null, quiet, 0, 0, Duration.ZERO, false)
                .allowedFrom(now);
        if (allowed.isAfter(now)) {
            reminder.postpone(allowed, now); // quiet hours began since it was planned (or the zone changed)
            return Optional.empty();
        }
        return Optional.of(new ToClient(reminder, client, activeAccounts.get(client.accountId())));
    }

    /** A therapist's digest: counts of new entries and change requests since the last one; nothing new, no email. */
    private Optional<ToStaff> digest(Reminder reminder, Instant now) {
        Contact staff = activeStaff(reminder, now);
        if (staff == null) {
            return Optional.empty();
        }
        Instant since = reminders.lastDigestSent(reminder.getAccountId())
                .orElse(reminder.getDueAt().minus(Duration.ofDays(1)));
        HomeworkTimes.DigestCounts counts = homework.since(clients.idsOfTherapist(reminder.getAccountId()), since);
        if (counts.nothing()) {
            reminder.cancel("nothing-new", now);
            return Optional.empty();
        }
        return Optional.of(new ToStaff(reminder, staff, StaffNotice.digest(counts.entries(), counts.changeRequests())));
    }

    /**
     * "A client needs your attention": who or what stays in the portal, behind sign-in. It goes out
     * whatever the client's reminder choices are; only an account that is no longer active stops it.
     */
    private Optional<ToStaff> alert(Reminder reminder, Instant now) {
        Contact staff = accounts.activeContacts(List.of(reminder.getAccountId())).get(reminder.getAccountId());
        if (staff == null) {
            // the therapist was deactivated (or left) since: a safety alert must still reach a person
            int admins = planner.toAdmins(ReminderKind.ALERT, reminder.getAlertId(), now);
            reminder.cancel(admins > 0 ? "sent-to-admins" : "account-not-active", now);
            return Optional.empty();
        }
        return Optional.of(new ToStaff(reminder, staff, StaffNotice.ATTENTION));
    }

    /**
     * "A client's alert is still open": nothing if someone acknowledged it meanwhile; a row for "the admins"
     * becomes one email per admin active now; each admin's email goes out if the alert is still open then.
     */
    private Optional<ToStaff> escalation(Reminder reminder, Instant now) {
        if (!homework.alertStillOpen(reminder.getAlertId())) {
            reminder.cancel("acknowledged", now);
            return Optional.empty();
        }
        if (reminder.getAccountId() == null) {
            int admins = planner.toAdmins(ReminderKind.ESCALATION, reminder.getAlertId(), now);
            reminder.cancel(admins > 0 ? "sent-to-admins" : "no-active-admin", now);
            return Optional.empty();
        }
        Contact staff = activeStaff(reminder, now);
        return staff == null ? Optional.empty() : Optional.of(new ToStaff(reminder, staff, StaffNotice.ESCALATION));
    }

    /** The staff member a staff email is for, or null (and the reminder cancelled) when their account is not active. */
    private Contact activeStaff(Reminder reminder, Instant now) {
        Contact staff = accounts.activeContacts(List.of(reminder.getAccountId())).get(reminder.getAccountId());
        if (staff == null) {
            reminder.cancel("account-not-active", now);
        }
        return staff;
    }
}
