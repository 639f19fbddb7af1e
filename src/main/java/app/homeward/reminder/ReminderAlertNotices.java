package app.homeward.reminder;

import app.homeward.homework.AlertNotices;
import app.homeward.homework.AlertSummary;
import app.homeward.security.AccountDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The alerts page's "told": the staff emails about safety alerts that went out (two queries for any number). */
@Component
class ReminderAlertNotices implements AlertNotices {

    private final ReminderRepository reminders;
    private final AccountDirectory accounts;

    ReminderAlertNotices(ReminderRepository reminders, AccountDirectory accounts) {
        this.reminders = reminders;
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<AlertSummary.Told>> told(Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        List<Reminder> sent = reminders.findSentAboutAlerts(alertIds);
        Map<UUID, String> names = accounts.names(sent.stream().map(Reminder::getAccountId).distinct().toList());
        return sent.stream().collect(Collectors.groupingBy(Reminder::getAlertId, LinkedHashMap::new,
                Collectors.mapping(r -> new AlertSummary.Told(names.get(r.getAccountId()), r.getSentAt(),
                        r.getKind() == ReminderKind.ESCALATION), Collectors.toList())));
    }
}
