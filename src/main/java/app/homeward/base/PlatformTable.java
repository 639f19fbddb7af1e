package app.homeward.base;

import org.springframework.dao.DataAccessResourceFailureException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plain JDBC on the platform tables without a clinic (decision 0027): {@link SharedBuckets} and the security
 * feature's sign-in failures. Every statement runs on its own connection in autocommit, never inside the
 * caller's transaction (a refused attempt stays counted when the caller rolls back); times are stored as UTC
 * {@code datetime(6)}; expired rows are deleted by the first write after {@code cleanupEvery} has passed on
 * this instance. {@code ArchitectureTest} lets only these classes touch {@code java.sql}.
 */
public final class PlatformTable {

    private final DataSource dataSource;
    private final Duration cleanupEvery;

    public PlatformTable(DataSource dataSource, Duration cleanupEvery) {
        this.dataSource = dataSource;
        this.cleanupEvery = cleanupEvery;
    }

    /** Runs {@code work} on a connection of its own in autocommit. */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("shared limits unavailable", e);
        }
    }

    /** One piece of JDBC work. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code deleteExpired} (one parameter: now) when this instance last did so more than
     * {@code cleanupEvery} ago (or the clock went back that far, as it does between test classes). One
     * thread wins the race.
     */
    public void cleanUpIfDue(AtomicReference<Instant> lastCleanup, String deleteExpired, Instant now) {
        Instant last = lastCleanup.get();
        if (last != null && Duration.between(last, now).abs().compareTo(cleanupEvery) < 0) {
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

    /** A unique key refused the row: another instance inserted it a moment ago. */
    public static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
