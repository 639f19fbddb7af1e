package app.homeward.privacy;

import app.homeward.privacy.DataRightsFixture.Clinic;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a clinic export the way the admin's page does, and waits (up to 60 s, by System.nanoTime) for it. */
@Component
public class ExportFixture {

    final ClinicExports exports;

    ExportFixture(ClinicExports exports) {
        this.exports = exports;
    }

    /** The admin starts an export and it finishes; leaves the admin signed in. */
    public ClinicExports.Started finished(Clinic clinic) {
        clinic.admin().signIn();
        ClinicExports.Started started = exports.start();
        ExportStatus status = await(started.status().id());
        assertThat(status.state()).isEqualTo(ExportState.READY);
        return new ClinicExports.Started(status, started.token());
    }

    ExportStatus await(UUID id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ExportStatus status = exports.status(id);
        while (status.running() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            status = exports.status(id);
        }
        return status;
    }
}
