package app.homeward.privacy;

import app.homeward.client.ClientRecords;
import app.homeward.homework.ClientHistory;
import app.homeward.reminder.ReminderRecords.ClientReminderRecord;
import app.homeward.security.AccountSummary;
import app.homeward.tenancy.ClinicBranding;

import java.time.Instant;
import java.util.List;

/** Everything Homeward holds about one client, as exported to them (or for them, by their clinic). */
public record ClientRecord(ClinicBranding clinic, ClientRecords.Details details, AccountSummary account,
                           ClientHistory history, ClientReminderRecord reminders, List<ErasureView> erasures,
                           Instant exportedAt) {
}
