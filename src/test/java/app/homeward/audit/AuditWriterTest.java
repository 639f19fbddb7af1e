package app.homeward.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue behind views, downloads and sign-ins, with a sink in place of the database: it writes on its own
 * timer, on shutdown and when full; keeps what the database cannot take now and writes it later, in order;
 * drops only a record the database refuses (alone) or, with the database away, what does not fit in memory.
 */
class AuditWriterTest {

    static final UUID CLINIC = UUID.randomUUID();
    static final UUID OTHER_CLINIC = UUID.randomUUID();

    final List<PendingRecord> written = Collections.synchronizedList(new ArrayList<>());
    AuditWriter writer;

    @AfterEach
    void stop() {
        if (writer != null && writer.isRunning()) {
            writer.stop();
        }
    }

    @Test
    void a_running_writer_writes_queued_records_on_its_own_timer() {
        writer = new AuditWriter((clinic, records) -> written.addAll(records), Duration.ofMillis(50), 100, 1000);
        writer.start();

        writer.add(record(CLINIC, 1));
        writer.add(record(CLINIC, 2));
        writer.add(record(OTHER_CLINIC, 3));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (written.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(written).extracting(PendingRecord::detail).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(writer.queued()).isZero();
    }

    @Test
    void stopping_writes_what_is_queued_and_a_record_after_that_is_written_at_once() {
        writer = new AuditWriter((clinic, records) -> written.addAll(records), Duration.ZERO, 100, 1000);
        writer.start();
        writer.add(record(CLINIC, 1));
        writer.add(record(CLINIC, 2));
        assertThat(written).as("no timer: nothing is written until asked").isEmpty();

        writer.stop();

        assertThat(written).extracting(PendingRecord::detail).containsExactly("r1", "r2");
        writer.add(record(CLINIC, 3));
        assertThat(written).extracting(PendingRecord::detail).containsExactly("r1", "r2", "r3");
    }

    @Test
    void a_full_queue_is_written_by_the_thread_that_fills_it() {
        writer = new AuditWriter((clinic, records) -> written.addAll(records), Duration.ZERO, 5, 5);
        writer.start();
        for (int i = 1; i <= 5; i++) {
            writer.add(record(CLINIC, i));
        }
        assertThat(written).isEmpty();

        writer.add(record(CLINIC, 6));

        assertThat(written).hasSize(5);
        assertThat(writer.queued()).isEqualTo(1);
    }

    @Test
    void records_the_database_cannot_take_now_are_kept_and_written_later_in_their_order() {
        AtomicInteger outage = new AtomicInteger(2);
        writer = new AuditWriter((clinic, records) -> {
            if (outage.getAndDecrement() > 0) {
                throw new CannotCreateTransactionException("database unreachable");
            }
            written.addAll(records);
        }, Duration.ZERO, 2, 100);
        writer.start();
        for (int i = 1; i <= 5; i++) {
            writer.add(record(CLINIC, i));
        }

        assertThat(writer.flush()).isZero();
        assertThat(writer.flush()).isZero();
        assertThat(writer.queued()).isEqualTo(5);
        assertThat(writer.flush()).isEqualTo(5);

        assertThat(written).extracting(PendingRecord::detail).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void a_record_the_database_refuses_is_dropped_alone() {
        writer = new AuditWriter((clinic, records) -> {
            if (records.stream().anyMatch(r -> "r2".equals(r.detail()))) {
                throw new DataIntegrityViolationException("value too long");
            }
            written.addAll(records);
        }, Duration.ZERO, 10, 100);
        writer.start();
        for (int i = 1; i <= 4; i++) {
            writer.add(record(CLINIC, i));
        }

        writer.flush();

        assertThat(written).extracting(PendingRecord::detail).containsExactly("r1", "r3", "r4");
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(writer.queued()).isZero();
    }

    @Test
    void memory_stays_bounded_while_the_database_is_away_and_the_page_never_fails() {
        writer = new AuditWriter((clinic, records) -> {
            throw new CannotCreateTransactionException("database unreachable");
        }, Duration.ZERO, 5, 10);
        writer.start();

        for (int i = 1; i <= 50; i++) {
            writer.add(record(CLINIC, i));
        }

        assertThat(writer.queued()).isLessThanOrEqualTo(10 + 5);
        assertThat(writer.dropped()).isPositive();
        assertThat(writer.written()).isZero();
    }

    private static PendingRecord record(UUID clinic, int n) {
        return new PendingRecord(clinic, Instant.EPOCH.plusSeconds(n), UUID.randomUUID(), "THERAPIST",
                AuditAction.CLIENT_VIEWED, AuditOutcome.SUCCESS, null, null, null, "r" + n, null, null);
    }
}
