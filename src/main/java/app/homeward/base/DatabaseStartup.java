package app.homeward.base;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Lets Homeward start while the database is away and recover by itself when it comes back.
 * <ul>
 * <li>Flyway migrates at start-up as usual; if the database cannot be reached, start-up carries on and a
 * background thread retries every {@link #RETRY} until it can.</li>
 * <li>Hibernate boots without touching the database ({@code allow_jdbc_metadata_access=false}, the
 * dialect comes from configuration); the schema is validated here, after migration, instead of at boot.
 * A schema that does not match the entities still stops the application, as {@code ddl-auto=validate} did.</li>
 * <li>Meanwhile pages show the calm "we can't reach our database" page, readiness is DOWN ("schema"),
 * and once everything is in place {@link DatabaseReady} is published.</li>
 * </ul>
 */
@Component("schema")
class DatabaseStartup implements FlywayMigrationStrategy, HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    static final Duration RETRY = Duration.ofSeconds(5);

    private final HibernateMetadata hibernate;
    private final ApplicationContext context;
    private volatile Flyway flyway;
    private volatile boolean migrated;
    private volatile boolean ready;

    DatabaseStartup(HibernateMetadata hibernate, ApplicationContext context) {
        this.hibernate = hibernate;
        this.context = context;
    }

    @Override
    public void migrate(Flyway flyway) {
        this.flyway = flyway;
        try {
            flyway.migrate();
            migrated = true;
        } catch (FlywayException e) {
            if (!unreachable(e)) {
                throw e;
            }
            LOG.warn("database unreachable at start-up; Homeward starts anyway and retries every {} s", RETRY.toSeconds());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (migrated) {
            finish();
            return;
        }
        Thread.ofVirtual().name("database-startup").start(this::retryUntilMigrated);
    }

    private void retryUntilMigrated() {
        while (!migrated) {
            try {
                Thread.sleep(RETRY);
                flyway.migrate();
                migrated = true;
                LOG.info("database reachable again: migrated");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (FlywayException e) {
                if (!unreachable(e)) {
                    LOG.error("database migration failed", e);
                    SpringApplication.exit(context, () -> 1);
                    return;
                }
            }
        }
        finish();
    }

    private void finish() {
        try {
            validateSchema();
        } catch (RuntimeException mismatch) {
            LOG.error("the database schema does not match the entities; stopping", mismatch);
            SpringApplication.exit(context, () -> 1);
            throw mismatch;
        }
        ready = true;
        context.publishEvent(new DatabaseReady());
    }

    /** What {@code spring.jpa.hibernate.ddl-auto=validate} did at boot, done once the schema is there. */
    private void validateSchema() {
        Map<String, Object> settings = new HashMap<>(hibernate.sessionFactory().getProperties());
        settings.put(SchemaToolingSettings.HBM2DDL_AUTO, "validate");
        settings.remove(SchemaToolingSettings.JAKARTA_HBM2DDL_DATABASE_ACTION);
        SchemaManagementToolCoordinator.process(hibernate.metadata(), hibernate.sessionFactory().getServiceRegistry(),
                settings, action -> { });
    }

    public boolean isReady() {
        return ready;
    }

    @Override
    public Health health() {
        return ready ? Health.up().build() : Health.down().withDetail("waiting", "database not reachable or not migrated yet").build();
    }

    /** A connection problem (retry later), as opposed to a broken migration (stop). */
    static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
