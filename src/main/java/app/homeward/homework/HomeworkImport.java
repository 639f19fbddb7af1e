package app.homeward.homework;

import app.homeward.client.ClientService;
import app.homeward.worksheet.PublishedWorksheet;
import app.homeward.worksheet.WorksheetService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * For the tenants/ import only (the demo clinic): gives a demo client a first assignment of a
 * built-in worksheet so the loop can be tried at once. Runs with the clinic bound and nobody
 * signed in; does nothing when the client already has homework.
 */
@Component
public class HomeworkImport {

    private final AssignmentRepository assignments;
    private final HomeworkRules rules;
    private final ClientService clients;
    private final WorksheetService worksheets;
    private final Clock clock;

    HomeworkImport(AssignmentRepository assignments, HomeworkRules rules, ClientService clients,
                   WorksheetService worksheets, Clock clock) {
        this.assignments = assignments;
        this.rules = rules;
        this.clients = clients;
        this.worksheets = worksheets;
        this.clock = clock;
    }

    /** A daily plan from today for {@code days} days at {@code time} in the client's time zone. */
    @Transactional
    public boolean importAssignment(UUID clientAccountId, String builtInSlug, String title, String rationale,
                                    String what, String when, String where, java.time.LocalTime time, int days,
                                    java.util.Set<Obstacle> obstacles, String backupPlan, int confidence, int difficulty) {
        var client = clients.findByAccount(clientAccountId).orElseThrow(
                () -> new IllegalArgumentException("tenants: the client is in no caseload"));
        if (!assignments.findByClientIdOrderByCreatedAtDesc(client.id()).isEmpty()) {
            return false;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(client.timeZone()));
        Schedule schedule = new Schedule(Schedule.Kind.DAILY, today, null, days, time, null, null, client.timeZone());
        AssignmentPlan plan = new AssignmentPlan(title, rationale, what, when, where, schedule, obstacles, "",
                backupPlan, confidence, false, false, difficulty, null);
        PublishedWorksheet worksheet = worksheets.builtInForImport(builtInSlug);
        Assignment assignment = assignments.save(new Assignment(client.id(), client.therapistId(),
                worksheet.versionId(), true, plan, clock.instant()));
        rules.generate(assignment, Instant.MIN);
        return true;
    }
}
