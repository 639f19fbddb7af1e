package app.homeward.client.pages;

import app.homeward.client.ClientProfile;
import app.homeward.client.Goal;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.ChangeRequestSummary;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.adherence.ClientAdherence;
import app.homeward.homework.plan.AssignmentSummary;
import app.homeward.homework.review.ReviewItem;
import app.homeward.security.AccountService.StaffMember;
import app.homeward.tenancy.ClinicBranding;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything /app/clients/{id} shows, read at once ({@link ClientPages}): the record, the clinic (its time
 * zone for dates; the layout's branding takes it too), the staff who can be the client's therapist, what needs attention (open safety alerts
 * and change requests), the homework plan, goals, what the client sent, adherence over the default window,
 * the measures. (For a clinic admin, who opened the record is read when asked: {@code RecordAccessPanel}.)
 */
public record ClientPage(ClientProfile client, ClinicBranding clinic, List<StaffMember> colleagues,
                         List<AlertSummary> openAlerts, List<ChangeRequestSummary> openChangeRequests,
                         List<AssignmentSummary> plan, List<Goal> goals, List<ReviewItem> entries,
                         ClientAdherence adherence, List<MeasureHistory> measures) {

    /**
     * The same page with only the client's therapist left of the staff: for a viewer who cannot reassign the
     * client, the only use of the whole list. A page is held for as long as it is open, and the list grows with
     * the clinic (bench/session-memory).
     */
    public ClientPage withOnlyTheTherapist() {
        return new ClientPage(client, clinic, therapist().stream().toList(), openAlerts, openChangeRequests, plan,
                goals, entries, adherence, measures);
    }

    public ZoneId clinicZone() {
        return clinic.timeZone();
    }

    /** The client's therapist among the active staff (empty when that account is no longer active). */
    public Optional<StaffMember> therapist() {
        return colleagues.stream().filter(s -> s.id().equals(client.therapistId())).findFirst();
    }
}
