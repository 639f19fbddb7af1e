package app.homeward.base;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets every instance shares (decision 0027): Bucket4j's distributed buckets stored in the platform
 * table {@code rate_limit_bucket} (migration V9), with plain JDBC through the {@link DataSource}. A limit kept
 * here holds across instances and restarts: the security feature's throttles (sign-in, signup, links) and the
 * mail feature's sending rate ({@code HOMEWARD_MAIL_MAX_PER_SECOND}) use it. {@code ArchitectureTest} lets only
 * this class and {@code security.SharedLimitStore} prepare SQL; {@code SharedLimitStoreTest} checks the tables.
 * <p>
 * Every statement runs on its own connection in autocommit, never inside the caller's transaction: a
 * refused attempt must stay counted when the caller's work rolls back. Nothing is locked: a bucket is
 * compare-and-swap on a version column (Bucket4j's {@link AbstractCompareAndSwapBasedProxyManager} retries
 * a lost race). Time is the application's {@link Clock} (Bucket4j reads it through a {@link TimeMeter}), so
 * tests move the clock instead of sleeping. Rows past {@code expires_at} count as absent (a full bucket is
 * the same as no bucket), and expired rows are deleted by the first write after {@link #CLEANUP_EVERY} has
 * passed on this instance.
 */
@Component
public class SharedBuckets {

    public static final Duration CLEANUP_EVERY = Duration.ofMinutes(5);

    static final String SELECT_BUCKET = "select state, version, expires_at from rate_limit_bucket where bucket_key = ?";
    static final String INSERT_BUCKET =
            "insert into rate_limit_bucket (bucket_key, state, version, expires_at) values (?, ?, 1, ?)";
    static final String UPDATE_BUCKET = "update rate_limit_bucket set state = ?, version = version + 1, expires_at = ?"
            + " where bucket_key = ? and version = ?";
    static final String DELETE_BUCKET = "delete from rate_limit_bucket where bucket_key = ?";
    static final String DELETE_EXPIRED_BUCKETS = "delete from rate_limit_bucket where expires_at < ?";
    static final String DELETE_ALL_BUCKETS = "delete from rate_limit_bucket";

    private final PlatformTable table;
    private final Clock clock;
    private final BucketTable buckets;
    private final AtomicReference<Instant> cleaned = new AtomicReference<>();

    public SharedBuckets(DataSource dataSource, Clock clock) {
        this.table = new PlatformTable(dataSource, CLEANUP_EVERY);
        this.clock = clock;
        this.buckets = new BucketTable(ClientSideConfig.getDefault()
                .withClientClock(new ClockTimeMeter(clock))
                // a full bucket is the same as no bucket: keep a row only until it has refilled
                .withExpirationAfterWriteStrategy(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO)));
    }

    /** Bucket4j's view of {@code rate_limit_bucket}: build buckets from it with {@code builder()}. */
    public ProxyManager<String> buckets() {
        return buckets;
    }

    /** For tests: forget every bucket. */
    public void deleteAll() {
        table.withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(DELETE_ALL_BUCKETS)) {
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** For tests: whether the bucket with this row key has a row, expired or not. */
    public boolean rowExists(String key) {
        return table.withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(SELECT_BUCKET)) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }







    /** Bucket4j's clock: the application's, in nanoseconds since the epoch. */
    public record ClockTimeMeter(Clock clock) implements TimeMeter {

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
                    return table.withConnection(c -> {
                        try (PreparedStatement select = c.prepareStatement(SELECT_BUCKET)) {
                            select.setString(1, key);
                            try (ResultSet rows = select.executeQuery()) {
                                if (!rows.next()) {
                                    version = null;
                                    return Optional.empty();
                                }
                                version = rows.getLong(2);
                                // an expired row is a bucket that has refilled: start afresh (and overwrite it)
                                return PlatformTable.instant(rows, 3).isBefore(clock.instant())
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
                    table.cleanUpIfDue(cleaned, DELETE_EXPIRED_BUCKETS, now);
                    return table.withConnection(c -> {
                        if (version == null) {
                            try (PreparedStatement insert = c.prepareStatement(INSERT_BUCKET)) {
                                insert.setString(1, key);
                                insert.setBytes(2, newData);
                                insert.setObject(3, PlatformTable.utc(expires));
                                insert.executeUpdate();
                                return true;
                            } catch (SQLException e) {
                                if (PlatformTable.isDuplicateKey(e)) {
                                    return false;
                                }
                                throw e;
                            }
                        }
                        try (PreparedStatement update = c.prepareStatement(UPDATE_BUCKET)) {
                            update.setBytes(1, newData);
                            update.setObject(2, PlatformTable.utc(expires));
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
            table.withConnection(c -> {
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
