package app.homeward.privacy;

import java.time.Instant;
import java.util.UUID;

/** A clinic export as its admin sees it: how far the job is, and until when the file can be downloaded. */
public record ExportStatus(UUID id, ExportState state, int progress, Long sizeBytes, Instant startedAt,
                           Instant finishedAt, Instant expiresAt) {

    static ExportStatus of(ClinicExport e) {
        return new ExportStatus(e.getId(), e.getState(), e.getProgress(), e.getSizeBytes(), e.getStartedAt(),
                e.getFinishedAt(), e.getExpiresAt());
    }

    public boolean running() {
        return state == ExportState.RUNNING;
    }
}
