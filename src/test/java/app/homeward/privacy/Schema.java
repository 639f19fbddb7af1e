package app.homeward.privacy;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/** The database's own list of tables with a given column (INFORMATION_SCHEMA), on H2 and MariaDB alike. */
final class Schema {

    private Schema() {
    }

    /** Lower-case names of the tables of Homeward's schema that have a column of this name. */
    static TreeSet<String> tablesWithColumn(JdbcTemplate jdbc, String column) {
        String schema = jdbc.execute((Connection c) -> schemaName(c));
        List<String> tables = jdbc.queryForList("""
                select table_name from information_schema.columns
                where lower(column_name) = ? and lower(table_schema) = ?""", String.class,
                column.toLowerCase(Locale.ROOT), schema.toLowerCase(Locale.ROOT));
        TreeSet<String> names = new TreeSet<>();
        tables.forEach(t -> names.add(t.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** H2 keeps tables in a schema (PUBLIC); MariaDB and MySQL in the database, its "catalog". */
    private static String schemaName(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return Objects.requireNonNull(product.contains("h2") ? connection.getSchema() : connection.getCatalog());
    }

    static long count(JdbcTemplate jdbc, String table, String column, Object value) {
        Long n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Long.class,
                value.toString());
        return n == null ? 0 : n;
    }
}
