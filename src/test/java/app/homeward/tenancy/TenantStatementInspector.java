package app.homeward.tenancy;

import app.homeward.Statements;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only guard of the data layer: every SQL statement Hibernate prepares that touches a tenant table (a table
 * with a {@code clinic_id} column, read from the schema) must restrict {@code clinic_id} for each of those tables
 * in it, else the statement is refused with an exception, so the test that caused it fails. Hibernate's
 * {@code @TenantId} adds the restriction to every entity query for a clinic tenant; this proves that nothing
 * slips past it (native SQL, a root-only path reached by a clinic, a mapping without {@code @TenantId}).
 * <p>
 * The exceptions, each narrow and explained in {@link #allowed}: inserts, and work bound to the root tenant. No other
 * is needed: Hibernate 7 restricts loads by id too, and its own entity updates and deletes carry
 * {@code clinic_id=coalesce(?,clinic_id)} with the entity's tenant bound. Only statements that Hibernate prepares pass
 * here; the application has no other SQL on tenant tables (ArchitectureTest forbids native SQL; Flyway's migrations
 * and db-scheduler's own table are outside Hibernate).
 */
public final class TenantStatementInspector implements StatementInspector {

    private static final Pattern TABLE = Pattern.compile(
            "\\b(from|join|update|into)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");
    private static final Set<String> NOT_ALIASES = Set.of("where", "set", "on", "left", "right", "inner", "outer",
            "full", "cross", "join", "order", "group", "having", "values", "limit", "offset", "fetch", "union",
            "for", "using", "natural", "select", "(");

    private final Supplier<Set<String>> tenantTables;
    private volatile Set<String> tables;

    public TenantStatementInspector(Supplier<Set<String>> tenantTables) {
        this.tenantTables = tenantTables;
    }

    @Override
    public String inspect(String sql) {
        Statements.seen(sql);
        String problem = problem(sql);
        if (problem != null && !allowed(sql)) {
            throw new UnrestrictedTenantStatement(problem + ": " + sql);
        }
        return sql;
    }

    /** Why this statement is unrestricted, or null when every tenant table in it restricts clinic_id. */
    String problem(String sql) {
        String s = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        Set<String> tenant = tables();
        List<String> missing = new ArrayList<>();
        Matcher m = TABLE.matcher(s);
        while (m.find()) {
            String table = m.group(2);
            if (!tenant.contains(table)) {
                continue;
            }
            String alias = m.group(3);
            boolean restricted;
            if (alias != null && !NOT_ALIASES.contains(alias)) {
                restricted = Pattern.compile("\\b" + Pattern.quote(alias) + "\\.clinic_id\\s*(=|in\\b)").matcher(s).find();
            } else {
                int where = s.indexOf(" where ", m.start());
                restricted = where >= 0
                        && Pattern.compile("(?<![.\\w])clinic_id\\s*(=|in\\b)").matcher(s.substring(where)).find();
            }
            if (!restricted) {
                missing.add(table);
            }
        }
        return missing.isEmpty() ? null : "no clinic_id restriction on " + missing;
    }

    /**
     * The statements that legitimately do not restrict clinic_id. Each is an exception to tenant isolation at the
     * data layer, so each is as narrow as it can be:
     */
    private static boolean allowed(String sql) {
        String s = sql.stripLeading().toLowerCase(Locale.ROOT);
        // An insert reaches no existing row; Hibernate sets the new row's clinic_id from @TenantId and refuses a
        // value that is not the current tenant's.
        if (s.startsWith("insert ") && !s.contains(" select ")) {
            return true;
        }
        // The root tenant sees every clinic on purpose: the operator's platform work, clinic deletion and the
        // jobs that sweep all clinics bind it explicitly (TenantContext.callAsRoot), never a signed-in clinic user.
        return TenantContext.ROOT.equals(ClinicTenantResolver.current());
    }

    private Set<String> tables() {
        Set<String> t = tables;
        if (t == null) {
            t = Set.copyOf(tenantTables.get());
            tables = t;
        }
        return t;
    }

    /** A statement that could reach another clinic's rows. */
    public static final class UnrestrictedTenantStatement extends IllegalStateException {
        UnrestrictedTenantStatement(String message) {
            super(message);
        }
    }
}
