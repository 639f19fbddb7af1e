package app.homeward.privacy;

import app.homeward.base.DomainException;
import app.homeward.base.LinkTokens;
import app.homeward.base.NotFoundException;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinic admin's export of the whole clinic: started here, written by a background job
 * ({@link ClinicExportJob}) whose progress the page polls, then downloadable for 24 hours through a link
 * whose token is stored as a SHA-256 only and works for that admin, in that clinic, nobody else.
 */
@Service
public class ClinicExports {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicExports.class);
    /** How long a finished export can be downloaded; then its file is removed. */
    public static final Duration VALID = Duration.ofHours(24);
    /** A job that has not reported progress for this long died with its instance: it no longer blocks a new one. */
    static final Duration STALE = Duration.ofMinutes(10);

    private final ClinicExportRepository exports;
    private final ClinicExportFileRepository files;
    private final ClinicExportJob job;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClinicExports(ClinicExportRepository exports, ClinicExportFileRepository files, ClinicExportJob job,
                  ApplicationEventPublisher events, Clock clock) {
        this.exports = exports;
        this.files = files;
        this.job = job;
        this.events = events;
        this.clock = clock;
    }

    /** A started export and its download link's secret (known only to this answer, stored hashed). */
    public record Started(ExportStatus status, String token) {
    }

    /** The file of a ready export. */
    public record File(String fileName, byte[] bytes) {
    }

    /** Starts the export job; one at a time per clinic. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public Started start() {
        HomewardUser me = CurrentUser.require();
        Instant now = clock.instant();
        for (ClinicExport running : exports.findByState(ExportState.RUNNING)) {
            if (running.getUpdatedAt().isAfter(now.minus(STALE))) {
                throw new DomainException("privacy.export.running");
            }
            running.failed(now);
        }
        String token = LinkTokens.newToken();
        ClinicExport export = exports.save(new ClinicExport(me.accountId(), LinkTokens.hash(token), now));
        UUID id = export.getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                job.submit(me.clinicId(), id);
            }
        });
        events.publishEvent(new DataRightsEvent(me.clinicId(), me.accountId(), null, id,
                DataRightsEvent.CLINIC_EXPORT_STARTED));
        LOG.info("clinic export started clinic={} export={}", me.clinicId(), id);
        return new Started(ExportStatus.of(export), token);
    }

    /** One of my exports (another admin's is not found). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public ExportStatus status(UUID exportId) {
        return ExportStatus.of(mine(exportId));
    }

    /** My latest export, if any. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ExportStatus> latest() {
        return exports.findByRequestedByOrderByStartedAtDesc(CurrentUser.require().accountId()).stream().findFirst()
                .map(ExportStatus::of);
    }

    /** A new download link for my ready export (the page that had the old one was closed); the old one stops working. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public String newLink(UUID exportId) {
        ClinicExport export = mine(exportId);
        if (!downloadable(export)) {
            throw new DomainException("privacy.export.gone");
        }
        String token = LinkTokens.newToken();
        export.newToken(LinkTokens.hash(token));
        return token;
    }

    /**
     * The file behind a download link: only for the admin who started the export, in their clinic, while it
     * is ready and not expired. Anything else is "not found", whoever asks.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public File download(String token) {
        HomewardUser me = CurrentUser.require();
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw new NotFoundException();
        }
        ClinicExport export = exports.findByTokenHash(LinkTokens.hash(token))
                .filter(e -> e.getRequestedBy().equals(me.accountId()))
                .filter(this::downloadable)
                .orElseThrow(NotFoundException::new);
        byte[] bytes = files.findByExportId(export.getId()).map(ClinicExportFile::getContent)
                .orElseThrow(NotFoundException::new);
        events.publishEvent(new DataRightsEvent(me.clinicId(), me.accountId(), null, export.getId(),
                DataRightsEvent.CLINIC_EXPORT_DOWNLOADED));
        LOG.info("clinic export downloaded clinic={} export={}", me.clinicId(), export.getId());
        String day = LocalDate.ofInstant(export.getStartedAt(), ZoneOffset.UTC).toString();
        return new File("homeward-clinic-export-" + day + ".zip", bytes);
    }

    private boolean downloadable(ClinicExport export) {
        return export.getState() == ExportState.READY && export.getExpiresAt() != null
                && export.getExpiresAt().isAfter(clock.instant());
    }

    private ClinicExport mine(UUID exportId) {
        UUID me = CurrentUser.require().accountId();
        return exports.findById(exportId).filter(e -> e.getRequestedBy().equals(me)).orElseThrow(NotFoundException::new);
    }
}
