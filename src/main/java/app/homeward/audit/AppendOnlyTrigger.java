package app.homeward.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2's half of the append-only check at the database (db/vendor/h2/V10_1__audit_append_only.sql): fires
 * before every UPDATE and DELETE of an audit record and refuses it, as the MySQL/MariaDB triggers do with
 * SIGNAL SQLSTATE '45000'. H2 loads it by name when it opens the database: never rename or move it.
 */
public final class AppendOnlyTrigger implements Trigger {

    public AppendOnlyTrigger() {
        // H2 creates it by reflection
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit records are append-only", "45000");
    }
}
