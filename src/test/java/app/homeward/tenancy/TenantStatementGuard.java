package app.homeward.tenancy;

import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Installs {@link TenantStatementInspector} in every Spring test context: a component under {@code app.homeward}
 * in the test sources, so every {@code @SpringBootTest} (whatever its properties or profile, H2 or MariaDB)
 * picks it up, and the production jar never contains it.
 */
@Component
class TenantStatementGuard implements HibernatePropertiesCustomizer {

    private final ObjectProvider<DataSource> dataSource;

    TenantStatementGuard(ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put(AvailableSettings.STATEMENT_INSPECTOR,
                new TenantStatementInspector(() -> tenantTables(dataSource.getObject())));
    }

    /**
     * The tables of Homeward's schema with a clinic_id column, from the database's own metadata (read once, at the
     * first statement, after Flyway has migrated), not from a hand-written list.
     */
    static Set<String> tenantTables(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Set<String> tables = clinicIdTables(c, c.getSchema());
            if (tables.isEmpty()) {
                // MariaDB's driver keeps the database in the catalog and may report it as the schema too
                tables = clinicIdTables(c, null);
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no table with a clinic_id column: the schema was not read");
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> clinicIdTables(Connection c, String schema) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet columns = c.getMetaData().getColumns(c.getCatalog(), schema, "%", "%")) {
            while (columns.next()) {
                if ("clinic_id".equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    tables.add(columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
