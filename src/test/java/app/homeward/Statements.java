package app.homeward;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts the SQL statements one service call runs (Hibernate statistics, switched on only around the
 * call), for the tests that prove a page costs the same few statements for 10 and for 500 or 1,000 rows.
 * Shared by the query-count tests of every package.
 */
public final class Statements {

    private Statements() {
    }

    /** What a call returned, how many statements it prepared and entities it loaded, and the queries (for messages). */
    public record Counted<T>(T result, long statements, long loadedEntities, String queries) {
    }

    /** The SQL of the call being counted, as Hibernate sends it (null when nothing is counted). */
    private static volatile List<String> recorded;

    /**
     * Called by the test contexts' statement inspector ({@code TenantStatementInspector}) with every SQL
     * statement Hibernate prepares, so that a failed budget lists them all, in order, em.find's included.
     */
    public static void seen(String sql) {
        List<String> into = recorded;
        if (into != null) {
            into.add(sql);
        }
    }

    /** Runs {@code work} as whoever is signed in, counting; signs out afterwards. */
    public static <T> Counted<T> count(EntityManagerFactory factory, String who, Supplier<T> work) {
        Statistics statistics = statistics(factory);
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        List<String> sql = Collections.synchronizedList(new ArrayList<>());
        recorded = sql;
        T result;
        try {
            result = work.get();
        } finally {
            statistics.setStatisticsEnabled(false);
            recorded = null;
        }
        long statements = statistics.getPrepareStatementCount();
        long loaded = statistics.getEntityLoadCount();
        String queries = who + " ran " + statements + " statements and loaded " + loaded + " entities; queries: "
                + String.join("\n  ", Arrays.stream(statistics.getQueries())
                .map(q -> q.length() > 160 ? q.substring(0, 160) + "…" : q).toList())
                + "\n SQL in order:\n  " + String.join("\n  ", List.copyOf(sql).stream()
                .map(q -> q.length() > 200 ? q.substring(0, 200) + "…" : q).toList());
        SecurityContextHolder.clearContext();
        System.out.println("[statements] " + queries);
        return new Counted<>(result, statements, loaded, queries);
    }

    public static void off(EntityManagerFactory factory) {
        statistics(factory).setStatisticsEnabled(false);
    }

    private static Statistics statistics(EntityManagerFactory factory) {
        return factory.unwrap(SessionFactory.class).getStatistics();
    }
}
