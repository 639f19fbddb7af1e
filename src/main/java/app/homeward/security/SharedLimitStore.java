package app.homeward.security;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one class that reads and writes the shared limit tables ({@code rate_limit_bucket},
 * {@code sign_in_failure}; migration V9), with plain JDBC through the {@link DataSource}: they are
 * platform tables without a clinic, which Hibernate's tenant filter has nothing to say about, and every
 * instance on the database sees the same rows, so a limit holds across instances and restarts
 * (decision 0027). {@code ArchitectureTest} lets no other production class prepare SQL, and
 * {@code SharedLimitStoreTest} checks that this one names no other table.
 * <p>
 * Every statement runs on its own connection in autocommit, never inside the caller's transaction: a
 * failed password change rolls its transaction back, but the attempt it used up must stay counted.
 * Nothing is locked: buckets are compare-and-swap on a version column (Bucket4j's
 * {@link AbstractCompareAndSwapBasedProxyManager} retries a lost race), failure counts are one
 * {@code UPDATE ... SET failures = failures + 1}. Time is the application's {@link Clock} (Bucket4j reads
 * it through a {@link TimeMeter}), so tests move the clock instead of sleeping. Rows past
 * {@code expires_at} count as absent, and each table's expired rows are deleted by the first write
 * after {@link #CLEANUP_EVERY} has passed on this instance.
 */
@Component
class SharedLimitStore {

    static final Duration CLEANUP_EVERY = Duration.ofMinutes(5);

    static final String SELECT_BUCKET = "select state, version, expires_at from rate_limit_bucket where bucket_key = ?";
    static final String INSERT_BUCKET =
            "insert into rate_limit_bucket (bucket_key, state, version, expires_at) values (?, ?, 1, ?)";
    static final String UPDATE_BUCKET = "update rate_limit_bucket set state = ?, version = version + 1, expires_at = ?"
            + " where bucket_key = ? and version = ?";
    static final String DELETE_BUCKET = "delete from rate_limit_bucket where bucket_key = ?";
    static final String DELETE_EXPIRED_BUCKETS = "delete from rate_limit_bucket where expires_at < ?";
    static final String DELETE_ALL_BUCKETS = "delete from rate_limit_bucket";

    // MySQL assigns left to right and later assignments see earlier ones: failures must come first
    static final String COUNT_FAILURE = "update sign_in_failure set"
            + " failures = case when expires_at < ? then 1 else failures + 1 end,"
            + " last_failure_at = ?, expires_at = ? where failure_key = ?";
    static final String INSERT_FAILURE =
            "insert into sign_in_failure (failure_key, failures, last_failure_at, expires_at) values (?, 1, ?, ?)";
    static final String SELECT_FAILURES =
            "select failure_key, failures, last_failure_at, expires_at from sign_in_failure where failure_key in (?, ?)";
    static final String DELETE_FAILURE = "delete from sign_in_failure where failure_key = ?";
    static final String DELETE_EXPIRED_FAILURES = "delete from sign_in_failure where expires_at < ?";
    static final String DELETE_ALL_FAILURES = "delete from sign_in_failure";

    private final DataSource dataSource;
    private final Clock clock;
    private final BucketTable buckets;
    private final AtomicReference<Instant> bucketsCleaned = new AtomicReference<>();
    private final AtomicReference<Instant> failuresCleaned = new AtomicReference<>();

    SharedLimitStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.buckets = new BucketTable(ClientSideConfig.getDefault()
                .withClientClock(new ClockTimeMeter(clock))
                // a full bucket is the same as no bucket: keep a row only until it has refilled
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
    }

    /** Bucket4j's view of {@code rate_limit_bucket}: build buckets from it with {@code builder()}. */
    ProxyManager<String> buckets() {
        return buckets;
    }

    /** One more failure for each key (a count that had expired starts again at 1); the rows live until now + forgetAfter. */
    void countFailure(List<String> keys, Instant now, Duration forgetAfter) {
        cleanUpIfDue(failuresCleaned, DELETE_EXPIRED_FAILURES, now);
        Instant expires = now.plus(forgetAfter);
        for (String key : keys) {
            withConnection(c -> {
                for (int attempt = 0; ; attempt++) {
                    try (PreparedStatement update = c.prepareStatement(COUNT_FAILURE)) {
                        update.setObject(1, utc(now));
                        update.setObject(2, utc(now));
                        update.setObject(3, utc(expires));
                        update.setString(4, key);
                        if (update.executeUpdate() == 1) {
                            return null;
                        }
                    }
                    try (PreparedStatement insert = c.prepareStatement(INSERT_FAILURE)) {
                        insert.setString(1, key);
                        insert.setObject(2, utc(now));
                        insert.setObject(3, utc(expires));
                        insert.executeUpdate();
                        return null;
                    } catch (SQLException e) {
                        // another instance inserted the first failure a moment ago: count on top of it
                        if (!isDuplicateKey(e) || attempt > 0) {
                            throw e;
                        }
                    }
                }
            });
        }
    }

    /** The live failure counts of these keys (at most two: an account and an address), by key. */
    Map<String, Failures> failures(String first, String second, Instant now) {
        return withConnection(c -> {
            Map<String, Failures> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_FAILURES)) {
                select.setString(1, first);
                select.setString(2, second);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant expires = instant(rows, 4);
                        if (!expires.isBefore(now)) {
                            found.put(rows.getString(1), new Failures(rows.getInt(2), instant(rows, 3)));
                        }
                    }
                }
            }
            return found;
        });
    }

    void forgetFailures(String key) {
        withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement(DELETE_FAILURE)) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Failures of one key: how many, and when the last one was. */
    record Failures(int count, Instant last) {
    }

    /** For tests: forget every bucket. */
    void deleteAllBuckets() {
        update(DELETE_ALL_BUCKETS);
    }

    /** For tests: forget every failure. */
    void deleteAllFailures() {
        update(DELETE_ALL_FAILURES);
    }

    /** For tests: whether the bucket with this row key has a row, expired or not. */
    boolean bucketRowExists(String key) {
        return withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_BUCKET)) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    private void update(String sql) {
        withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Deletes a table's expired rows when this instance last did so more than {@link #CLEANUP_EVERY}
     * ago (or the clock went back that far, as it does between test classes). One thread wins the race.
     */
    private void cleanUpIfDue(AtomicReference<Instant> lastCleanup, String deleteExpired, Instant now) {
        Instant last = lastCleanup.get();
        if (last != null && Duration.between(last, now).abs().compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        if (lastCleanup.compareAndSet(last, now)) {
            withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement(deleteExpired)) {
                    delete.setObject(1, utc(now));
                    delete.executeUpdate();
                }
                return null;
            });
        }
    }

    private <T> T withConnection(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("shared limits unavailable", e);
        }
    }

    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    /** Bucket4j's clock: the application's, in nanoseconds since the epoch. */
    record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /**
     * Bucket4j's compare-and-swap proxy manager over {@code rate_limit_bucket}: read the state and its
     * version, let Bucket4j work out the new state, write it only if the version is still the one read
     * (or insert it if there was no row); a lost race makes Bucket4j read and try again.
     */
    private final class BucketTable extends AbstractCompareAndSwapBasedProxyManager<String> {

        BucketTable(ClientSideConfig config) {
            super(config);
        }

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                /** The version read last; null: there was no row. */
                private Long version;

                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    return withConnection(c -> {
                        try (PreparedStatement select = c.prepareStatement(SELECT_BUCKET)) {
                            select.setString(1, key);
                            try (ResultSet rows = select.executeQuery()) {
                                if (!rows.next()) {
                                    version = null;
                                    return Optional.empty();
                                }
                                version = rows.getLong(2);
                                // an expired row is a bucket that has refilled: start afresh (and overwrite it)
                                return instant(rows, 3).isBefore(clock.instant())
                                        ? Optional.empty() : Optional.of(rows.getBytes(1));
                            }
                        }
                    });
                }

                @Override
                public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                              Optional<Long> timeoutNanos) {
                    Instant now = clock.instant();
                    long ttlMillis = getClientSideConfig().getExpirationAfterWriteStrategy().orElseThrow()
                            .calculateTimeToLiveMillis(newState, new ClockTimeMeter(clock).currentTimeNanos());
                    Instant expires = now.plusMillis(Math.max(0, ttlMillis));
                    cleanUpIfDue(bucketsCleaned, DELETE_EXPIRED_BUCKETS, now);
                    return withConnection(c -> {
                        if (version == null) {
                            try (PreparedStatement insert = c.prepareStatement(INSERT_BUCKET)) {
                                insert.setString(1, key);
                                insert.setBytes(2, newData);
                                insert.setObject(3, utc(expires));
                                insert.executeUpdate();
                                return true;
                            } catch (SQLException e) {
                                if (isDuplicateKey(e)) {
                                    return false;
                                }
                                throw e;
                            }
                        }
                        try (PreparedStatement update = c.prepareStatement(UPDATE_BUCKET)) {
                            update.setBytes(1, newData);
                            update.setObject(2, utc(expires));
                            update.setString(3, key);
                            update.setLong(4, version);
                            return update.executeUpdate() == 1;
                        }
                    });
                }
            };
        }

        @Override
        protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
            throw new UnsupportedOperationException("JDBC is synchronous");
        }

        @Override
        public boolean isAsyncModeSupported() {
            return false;
        }

        @Override
        public boolean isExpireAfterWriteSupported() {
            return true;
        }

        @Override
        public void removeProxy(String key) {
            withConnection(c -> {
                try (PreparedStatement delete = c.prepareStatement(DELETE_BUCKET)) {
                    delete.setString(1, key);
                    delete.executeUpdate();
                }
                return null;
            });
        }

        @Override
        protected CompletableFuture<Void> removeAsync(String key) {
            throw new UnsupportedOperationException("JDBC is synchronous");
        }
    }
}
