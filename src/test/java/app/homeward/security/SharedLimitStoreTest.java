package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.reflect.Method;
import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two classes allowed to write SQL by hand (ArchitectureTest), this store and the bucket table it
 * uses ({@code base.SharedBuckets}), touch only their two platform tables, which have no clinic_id: they
 * cannot read or change any clinic's data behind Hibernate's tenant filter.
 */
class SharedLimitStoreTest extends IntegrationTest {

    private static final Set<String> ITS_TABLES = Set.of("rate_limit_bucket", "sign_in_failure");
    private static final Pattern TABLE = Pattern.compile("\\b(?:from|into|update|join|table)\\s+([a-z_][a-z0-9_]*)");

    @Autowired DataSource dataSource;

    @Test
    void every_statement_of_the_store_names_only_the_rate_limit_tables() {
        List<String> statements = new CopyOnWriteArrayList<>();
        SharedLimitStore store = new SharedLimitStore(recording(dataSource, statements), clock);
        BucketConfiguration twoPerHour = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofHours(1)).build()).build();
        String bucket = "TEST:" + TestClinics.random(20);
        String account = "test-account:" + TestClinics.random(20);
        String ip = "test-ip:" + TestClinics.random(20);

        // everything the store can do: buckets created, updated, refused, removed; failures counted, read,
        // forgotten; expired rows cleaned up; the tests' reset
        for (int i = 0; i < 3; i++) {
            store.buckets().builder().build(bucket, () -> twoPerHour).tryConsume(1);
        }
        store.buckets().removeProxy(bucket);
        store.countFailure(List.of(account, ip), clock.instant(), Duration.ofMinutes(15));
        store.countFailure(List.of(account, ip), clock.instant(), Duration.ofMinutes(15));
        store.failures(account, ip, clock.instant());
        store.forgetFailures(account);
        store.bucketRowExists(bucket);
        clock.moveBy(SharedLimitStore.CLEANUP_EVERY.plusMinutes(1));
        store.buckets().builder().build(bucket, () -> twoPerHour).tryConsume(1);
        store.countFailure(List.of(account, ip), clock.instant(), Duration.ofMinutes(15));

        assertThat(statements).as("statements seen").hasSizeGreaterThanOrEqualTo(10);
        for (String sql : statements) {
            Matcher tables = TABLE.matcher(sql.toLowerCase(Locale.ROOT));
            assertThat(tables.find()).as("names a table: %s", sql).isTrue();
            do {
                assertThat(tables.group(1)).as(sql).isIn(ITS_TABLES);
            } while (tables.find());
        }
        assertThat(statements).anyMatch(sql -> sql.startsWith("delete from rate_limit_bucket where expires_at"))
                .anyMatch(sql -> sql.startsWith("delete from sign_in_failure where expires_at"))
                .anyMatch(sql -> sql.startsWith("update rate_limit_bucket"))
                .anyMatch(sql -> sql.startsWith("insert into sign_in_failure"));
    }

    @Test
    void the_rule_catches_a_statement_on_a_tenant_table() {
        Matcher tables = TABLE.matcher("select id from account a join clinic c on c.id = a.clinic_id");

        assertThat(tables.find()).isTrue();
        assertThat(tables.group(1)).isNotIn(ITS_TABLES);
        assertThat(tables.find()).isTrue();
        assertThat(tables.group(1)).isEqualTo("clinic");
    }

    /** How many rows of the table have a key containing this text. */
    static int keysContaining(DataSource dataSource, String table, String keyColumn, String text) {
        if (!ITS_TABLES.contains(table) || !keyColumn.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table + "." + keyColumn);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "select count(*) from " + table + " where " + keyColumn + " like ?")) {
            select.setString(1, "%" + text + "%");
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DataSource whose connections note the SQL of every statement they prepare. */
    private static DataSource recording(DataSource target, List<String> statements) {
        return (DataSource) Proxy.newProxyInstance(SharedLimitStoreTest.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    if (result instanceof Connection connection) {
                        return Proxy.newProxyInstance(SharedLimitStoreTest.class.getClassLoader(),
                                new Class<?>[]{Connection.class}, (p, m, a) -> {
                                    if (m.getName().equals("createStatement") || m.getName().equals("prepareCall")) {
                                        throw new AssertionError("the store prepares every statement: " + m.getName());
                                    }
                                    if (m.getName().equals("prepareStatement")) {
                                        statements.add((String) a[0]);
                                    }
                                    return invoke(m, connection, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
