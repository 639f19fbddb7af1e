package app.homeward.homework.adherence;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.MeasureHistories;
import app.homeward.homework.MeasureHistory;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.CurrentClinic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A client's printable progress report for the clinical record: measures over time with their bands and
 * reliable change, homework adherence over the last 12 weeks and the reflections' averages (decision 0032).
 * Only staff who may see the client get it, and every download is in the audit trail.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class ProgressReports {

    /** The adherence window the report covers, in weeks. */
    static final int WEEKS = 12;

    private static final Logger LOG = LoggerFactory.getLogger(ProgressReports.class);

    private final ClientService clients;
    private final AdherenceService adherence;
    private final MeasureHistories measures;
    private final ClinicDirectory clinics;
    private final Messages messages;
    private final AuditTrail audit;
    private final Clock clock;

    ProgressReports(ClientService clients, AdherenceService adherence, MeasureHistories measures,
                    ClinicDirectory clinics, Messages messages, AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.adherence = adherence;
        this.measures = measures;
        this.clinics = clinics;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The report as a PDF in {@code language}, dated in the clinic's time zone; a client one may not see is not found. */
    @Transactional(readOnly = true)
    public Report progressReport(UUID clientId, Locale language) {
        ClientProfile client = clients.profileOrRefusal(clientId, AuditAction.REPORT_DOWNLOADED);
        ClinicBranding clinic = clinics.findById(CurrentClinic.id().orElseThrow(NotFoundException::new)).orElseThrow();
        ClientAdherence twelveWeeks = adherence.adherenceOf(client, WEEKS);
        List<MeasureHistory> history = measures.of(clientId, client.timeZone());
        Locale locale = Messages.supported(language);
        byte[] pdf = ProgressReportPdf.write(clinic, client, twelveWeeks, history, clock.instant(),
                (key, args) -> messages.getTranslation(key, locale, args), locale);
        audit.record(AuditEntry.of(AuditAction.REPORT_DOWNLOADED).client(clientId).object(AuditObject.CLIENT, clientId)
                .detail("progress-report"));
        LOG.info("progress report downloaded clinic={} client={}", clinic.id(), clientId);
        // the file name says what it is, never who: it lands in a downloads folder
        return new Report("progress-report-" + clock.instant().atZone(clinic.timeZone()).toLocalDate() + ".pdf", pdf);
    }

    /** A downloaded report: a file name without the client's name, and the PDF. */
    public record Report(String fileName, byte[] pdf) {
    }
}
