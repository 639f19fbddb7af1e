import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Writes tab-separated files for LOAD DATA: CLINICS active clinics (reminders on by default, no
 * default quiet hours, so every reminder passes the send-time checks at any hour), each with one
 * therapist and CLIENTS active clients with active CLIENT accounts (time zone UTC), each client with
 * one active daily assignment and OCCURRENCES open occurrences due between 1 and 2 hours ago (well
 * inside the default 24 h grace), and one pending PLANNED reminder per occurrence.
 * With WARMUP_PER_CLIENT > 0, each client also gets that many warm-up reminders (and occurrences),
 * due now, while the OCCURRENCES measured reminders are held back (next attempt a day ahead) until
 * the benchmark releases them: due now, and each clinic's task woken, as the application's planner does.
 * Without warm-up the measured reminders are due now.
 * With BIG_CLINIC_OCCURRENCES, the first clinic (slug bench-0) gets that many measured reminders per client
 * instead of OCCURRENCES: one clinic's large backlog beside the others' few, to measure fairness under the
 * shared mail cap (issue 15).
 * Not application code: a benchmark fixture. The column lists match the files' columns (see load.sql).
 *
 * Usage: java Seed.java OUT_DIR CLINICS CLIENTS_PER_CLINIC OCCURRENCES_PER_CLIENT [WARMUP_PER_CLIENT
 *        [BIG_CLINIC_OCCURRENCES_PER_CLIENT]]
 */
public class Seed {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final String NULL = "\\N";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int clinics = Integer.parseInt(args[1]);
        int clientsPerClinic = Integer.parseInt(args[2]);
        int occurrencesPerClient = Integer.parseInt(args[3]);
        int warmupPerClient = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int bigClinicOccurrencesPerClient = args.length > 5 ? Integer.parseInt(args[5]) : occurrencesPerClient;
        Files.createDirectories(out);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String created = at(now.minus(30, ChronoUnit.DAYS));
        String today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).toLocalDate().toString();
        String heldBack = at(now.plus(1, ChronoUnit.DAYS));
        long reminders = 0;
        long warmups = 0;
        try (BufferedWriter clinic = writer(out, "clinic.tsv");
             BufferedWriter reminderSettings = writer(out, "clinic_reminder_settings.tsv");
             BufferedWriter account = writer(out, "account.tsv");
             BufferedWriter client = writer(out, "client.tsv");
             BufferedWriter assignment = writer(out, "assignment.tsv");
             BufferedWriter occurrence = writer(out, "occurrence.tsv");
             BufferedWriter reminder = writer(out, "reminder.tsv")) {
            for (int c = 0; c < clinics; c++) {
                int occurrences = c == 0 ? bigClinicOccurrencesPerClient : occurrencesPerClient;
                UUID clinicId = UUID.randomUUID();
                // id slug name status time_zone default_language accent_color created_at version
                row(clinic, clinicId, "bench-" + c, "Bench Clinic " + c, "ACTIVE", "UTC", "en", "#2f6f73",
                        created, 0);
                // reminders on by default, no quiet hours (decision 0039: the reminder feature's own table)
                // id clinic_id reminders_default_on default_quiet_start default_quiet_end due_soon_hours
                // overdue_hours weekly_summary updated_at version
                row(reminderSettings, clinicId, clinicId, 1, NULL, NULL, 0, 0, 0, created, 0);
                UUID therapistId = UUID.randomUUID();
                // id clinic_id email display_name role status language session_stamp created_at version
                row(account, therapistId, clinicId, "therapist@bench-" + c + ".homeward.test", "Therapist " + c,
                        "THERAPIST", "ACTIVE", "en", 0, created, 0);
                for (int k = 0; k < clientsPerClinic; k++) {
                    UUID accountId = UUID.randomUUID();
                    UUID clientId = UUID.randomUUID();
                    String email = "client-" + k + "@bench-" + c + ".homeward.test";
                    row(account, accountId, clinicId, email, "Client " + k, "CLIENT", "ACTIVE", "en", 0, created, 0);
                    // id clinic_id therapist_id account_id display_name email time_zone language simplified status created_at version
                    row(client, clientId, clinicId, therapistId, accountId, "Client " + k, email, "UTC", "en", 0,
                            "ACTIVE", created, 0);
                    UUID assignmentId = UUID.randomUUID();
                    // id clinic_id client_id therapist_id worksheet_version_id worksheet_builtin title rationale
                    // plan_what plan_when plan_where schedule_kind start_date time_of_day time_zone obstacles
                    // obstacle_other backup_plan confidence confidence_prompted plan_changed difficulty status created_at version
                    row(assignment, assignmentId, clinicId, clientId, therapistId, UUID.randomUUID(), 1,
                            "Thought record", "", "", "", "", "DAILY", today, "09:00:00", "UTC", "", "", "", 8, 0, 0,
                            2, "ACTIVE", created, 0);
                    // 30 s apart, closer when there are more than 120, so that all stay due 1-2 hours ago
                    long stepMillis = Math.min(30_000L, 3_600_000L / Math.max(1, warmupPerClient + occurrences));
                    for (int o = 0; o < warmupPerClient + occurrences; o++) {
                        UUID occurrenceId = UUID.randomUUID();
                        String due = at(now.minus(60, ChronoUnit.MINUTES).minusMillis(stepMillis * o));
                        boolean warmup = o < warmupPerClient;
                        String nextAttempt = warmup || warmupPerClient == 0 ? due : heldBack;
                        // id clinic_id assignment_id client_id due_at local_date status version
                        row(occurrence, occurrenceId, clinicId, assignmentId, clientId, due, today, "OPEN", 0);
                        // id clinic_id kind client_id occurrence_id due_at state attempts next_attempt_at created_at updated_at version
                        row(reminder, UUID.randomUUID(), clinicId, "PLANNED", clientId, occurrenceId, due, "PENDING",
                                0, nextAttempt, created, created, 0);
                        if (warmup) {
                            warmups++;
                        } else {
                            reminders++;
                        }
                    }
                }
            }
        }
        System.out.println("seed files written: clinics=" + clinics + " clients=" + clinics * clientsPerClinic
                + " reminders=" + reminders + " warm-up reminders=" + warmups);
    }

    private static BufferedWriter writer(Path dir, String name) throws IOException {
        return Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private static String at(Instant instant) {
        return TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void row(BufferedWriter w, Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                w.write('\t');
            }
            w.write(String.valueOf(values[i]));
        }
        w.write('\n');
    }
}
