package app.homeward.security;

import app.homeward.base.PlatformTable;
import app.homeward.base.SharedBuckets;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared sign-in limits: failure counts in the platform table {@code sign_in_failure} (migration V9),
 * written here with plain JDBC through the {@link DataSource}, and the token buckets of {@link RateLimits},
 * which {@link SharedBuckets} keeps in {@code rate_limit_bucket}. Platform tables without a clinic, which
 * Hibernate's tenant filter has nothing to say about; every instance on the database sees the same rows, so
 * a limit holds across instances and restarts (decision 0027). {@code ArchitectureTest} lets no other
 * production class but {@link SharedBuckets} prepare SQL, and {@code SharedLimitStoreTest} checks that the
 * two name no other table.
 * <p>
 * Every statement runs on its own connection in autocommit, never inside the caller's transaction: a
 * failed password change rolls its transaction back, but the attempt it used up must stay counted.
 * A failure count is one {@code UPDATE ... SET failures = failures + 1}. Time is the application's
 * {@link Clock}, so tests move the clock instead of sleeping. Rows past {@code expires_at} count as absent,
 * and expired rows are deleted by the first write after {@link #CLEANUP_EVERY} has passed on this instance.
 */
@Component
class SharedLimitStore {

    static final Duration CLEANUP_EVERY = Duration.ofMinutes(5);

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

    private final PlatformTable table;
    private final Clock clock;
    private final SharedBuckets buckets;
    private final AtomicReference<Instant> failuresCleaned = new AtomicReference<>();

    SharedLimitStore(DataSource dataSource, Clock clock) {
        this.table = new PlatformTable(dataSource, CLEANUP_EVERY);
        this.clock = clock;
        // the bucket table's code is base's (the mail rate uses it too); state lives in the table, not the object
        this.buckets = new SharedBuckets(dataSource, clock);
    }

    /** Bucket4j's view of {@code rate_limit_bucket}: build buckets from it with {@code builder()}. */
    ProxyManager<String> buckets() {
        return buckets.buckets();
    }

    /** One more failure for each key (a count that had expired starts again at 1); the rows live until now + forgetAfter. */
    void countFailure(List<String> keys, Instant now, Duration forgetAfter) {
        table.cleanUpIfDue(failuresCleaned, DELETE_EXPIRED_FAILURES, now);
        Instant expires = now.plus(forgetAfter);
        for (String key : keys) {
            table.withConnection(c -> {
                for (int attempt = 0; ; attempt++) {
                    try (PreparedStatement update = c.prepareStatement(COUNT_FAILURE)) {
                        update.setObject(1, PlatformTable.utc(now));
                        update.setObject(2, PlatformTable.utc(now));
                        update.setObject(3, PlatformTable.utc(expires));
                        update.setString(4, key);
                        if (update.executeUpdate() == 1) {
                            return null;
                        }
                    }
                    try (PreparedStatement insert = c.prepareStatement(INSERT_FAILURE)) {
                        insert.setString(1, key);
                        insert.setObject(2, PlatformTable.utc(now));
                        insert.setObject(3, PlatformTable.utc(expires));
                        insert.executeUpdate();
                        return null;
                    } catch (SQLException e) {
                        // another instance inserted the first failure a moment ago: count on top of it
                        if (!PlatformTable.isDuplicateKey(e) || attempt > 0) {
                            throw e;
                        }
                    }
                }
            });
        }
    }

    /** The live failure counts of these keys (at most two: an account and an address), by key. */
    Map<String, Failures> failures(String first, String second, Instant now) {
        return table.withConnection(c -> {
            Map<String, Failures> found = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(SELECT_FAILURES)) {
                select.setString(1, first);
                select.setString(2, second);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant expires = PlatformTable.instant(rows, 4);
                        if (!expires.isBefore(now)) {
                            found.put(rows.getString(1), new Failures(rows.getInt(2), PlatformTable.instant(rows, 3)));
                        }
                    }
                }
            }
            return found;
        });
    }

    void forgetFailures(String key) {
        table.withConnection(c -> {
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
        buckets.deleteAll();
    }

    /** For tests: forget every failure. */
    void deleteAllFailures() {
        update(DELETE_ALL_FAILURES);
    }

    /** For tests: whether the bucket with this row key has a row, expired or not. */
    boolean bucketRowExists(String key) {
        return buckets.rowExists(key);
    }

    private void update(String sql) {
        table.withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                statement.executeUpdate();
            }
            return null;
        });
    }







}
