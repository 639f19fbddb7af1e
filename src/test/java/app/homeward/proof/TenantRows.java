package app.homeward.proof;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A clinic's rows in every tenant table (tables with a clinic_id column, read from the schema), as text. */
final class TenantRows {

    private TenantRows() {
    }

    static List<String> tables(JdbcTemplate jdbc) {
        String schema = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName()
                .toLowerCase(Locale.ROOT).contains("h2") ? c.getSchema() : c.getCatalog());
        return jdbc.queryForList("""
                select table_name from information_schema.columns
                where lower(column_name) = 'clinic_id' and lower(table_schema) = ?""", String.class,
                schema.toLowerCase(Locale.ROOT));
    }

    static Map<String, List<String>> of(JdbcTemplate jdbc, UUID clinic) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables(jdbc)) {
            rows.put(table.toLowerCase(Locale.ROOT), jdbc.query("select * from " + table + " where clinic_id = ? order by 1",
                    (rs, n) -> {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.append(value instanceof Clob clob ? clob.getSubString(1, (int) clob.length())
                                    : value instanceof Blob blob ? Arrays.toString(blob.getBytes(1, (int) blob.length()))
                                    : value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)).append('|');
                        }
                        return row.toString();
                    }, clinic.toString()));
        }
        assertThat(rows).as("tenant tables").hasSizeGreaterThan(20);
        return rows;
    }
}
