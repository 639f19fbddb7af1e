package app.homeward.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds queued audit records in memory (at most {@code capacity}) and writes them in batches: every
 * {@code interval} on its own thread, at once when the queue is full (on the thread that filled it), and
 * on shutdown. A page that records a view never waits for the database.
 * <p>
 * A write that fails because the database is away is kept and tried again on the next round, oldest first;
 * one that the database refuses for any other reason is written record by record, so one bad record cannot
 * hold back the others (the bad one is dropped and logged). Logs name clinics and action codes, nothing more.
 * Stops after the web server (phase below it), so the last requests' records are written before the pool
 * closes; a record that arrives after that is written at once.
 */
final class AuditWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);
    /** After the web server stops (its lifecycles run at DEFAULT_PHASE - 1024 and - 2048). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    /** Writes one clinic's records in one transaction, or throws. */
    interface Sink {
        void write(UUID clinicId, List<PendingRecord> records);
    }

    private final Sink sink;
    private final Duration interval;
    private final int batchSize;
    private final int capacity;
    private final ArrayDeque<PendingRecord> queue = new ArrayDeque<>();
    private final ReentrantLock flushing = new ReentrantLock();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledExecutorService timer;
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile boolean failing;

    AuditWriter(Sink sink, Duration interval, int batchSize, int capacity) {
        this.sink = sink;
        this.interval = interval;
        this.batchSize = batchSize;
        this.capacity = capacity;
    }

    /** Queues a record; writes the queue now if it is full or the writer has stopped. */
    void add(PendingRecord record) {
        if (offer(record) && !stopped) {
            return;
        }
        flush();
        if (stopped) {
            return; // written (or, with the database away at shutdown, reported lost) by the flush above
        }
        if (!offer(record)) {
            // the database is away and memory is full: losing this record is better than losing the service
            long lost = dropped.incrementAndGet();
            LOG.error("audit queue full and the database unreachable: record dropped clinic={} action={} (lost so far: {})",
                    record.clinicId(), record.action().code(), lost);
        }
    }

    private boolean offer(PendingRecord record) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                return false;
            }
            queue.addLast(record);
            return true;
        }
    }

    /** Writes everything queued now; returns how many records were written. Never throws. */
    int flush() {
        flushing.lock();
        try {
            int count = 0;
            List<PendingRecord> batch;
            while (!(batch = take()).isEmpty()) {
                Written result = write(batch);
                count += result.count();
                if (result.unreachable()) {
                    return count;
                }
            }
            if (failing) {
                failing = false;
                LOG.info("audit records are written again");
            }
            return count;
        } finally {
            flushing.unlock();
        }
    }

    /** What writing a batch did: how many records it wrote, and whether it stopped because the database is away. */
    private record Written(int count, boolean unreachable) {
    }

    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    private List<PendingRecord> take() {
        synchronized (queue) {
            List<PendingRecord> batch = new ArrayList<>(Math.min(batchSize, queue.size()));
            while (batch.size() < batchSize && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        }
    }

    /** Puts records that could not be written back at the head of the queue, in their order. */
    private void putBack(List<PendingRecord> records) {
        synchronized (queue) {
            for (int i = records.size() - 1; i >= 0; i--) {
                queue.addFirst(records.get(i));
            }
        }
    }

    /** Writes a batch clinic by clinic; with the database away, puts what is left back and stops. */
    private Written write(List<PendingRecord> batch) {
        Map<UUID, List<PendingRecord>> byClinic = new LinkedHashMap<>();
        batch.forEach(r -> byClinic.computeIfAbsent(r.clinicId(), c -> new ArrayList<>()).add(r));
        int count = 0;
        List<UUID> clinics = new ArrayList<>(byClinic.keySet());
        for (int i = 0; i < clinics.size(); i++) {
            UUID clinic = clinics.get(i);
            List<PendingRecord> records = byClinic.get(clinic);
            try {
                sink.write(clinic, records);
                count += records.size();
                written.addAndGet(records.size());
            } catch (RuntimeException e) {
                if (unreachable(e)) {
                    List<PendingRecord> rest = new ArrayList<>();
                    clinics.subList(i, clinics.size()).forEach(c -> rest.addAll(byClinic.get(c)));
                    putBack(rest);
                    if (!failing) {
                        failing = true;
                        LOG.warn("audit records not written, database unreachable; kept for the next try clinic={} queued={}",
                                clinic, queued());
                    }
                    return new Written(count, true);
                }
                count += oneByOne(clinic, records, e);
            }
        }
        return new Written(count, false);
    }

    private int oneByOne(UUID clinic, List<PendingRecord> records, RuntimeException first) {
        LOG.warn("audit batch refused clinic={} ({}); writing its {} records one by one", clinic,
                first.getClass().getSimpleName(), records.size());
        int count = 0;
        for (PendingRecord record : records) {
            try {
                sink.write(clinic, List.of(record));
                count++;
                written.incrementAndGet();
            } catch (RuntimeException e) {
                dropped.incrementAndGet();
                LOG.error("audit record refused by the database and dropped clinic={} action={} ({})", clinic,
                        record.action().code(), e.getClass().getSimpleName());
            }
        }
        return count;
    }

    /** A connection problem (try again later), as opposed to a record the database refuses. */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public synchronized void start() {
        stopped = false;
        running = true;
        if (!interval.isZero() && !interval.isNegative()) {
            timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("audit-writer").factory());
            long millis = interval.toMillis();
            timer.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped = true;
        if (timer != null) {
            timer.shutdown();
            try {
                if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                    timer.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        flush();
        int left = queued();
        if (left > 0) {
            LOG.error("audit: {} records could not be written before shutdown (database unreachable)", left);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
