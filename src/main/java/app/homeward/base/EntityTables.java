package app.homeward.base;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and deletes a tenant table through its entity with JPQL, for {@link ClinicData} implementations:
 * Hibernate's tenant filter adds {@code clinic_id = ?} to every statement, so this never reaches another
 * clinic's rows (and needs no native SQL). Rows are read in pages by id, as values, never as managed
 * entities.
 */
public final class EntityTables {

    static final int PAGE = 500;

    private EntityTables() {
    }

    /**
     * One table as an entity and its columns: "column" when the attribute has the same name, else
     * "column=attribute" (e.g. "client_id=clientId"). The first column must be the id.
     */
    public record Spec(String table, String entity, List<String> columns) {

        public static Spec of(String table, String entity, String... columns) {
            return new Spec(table, entity, List.of(columns));
        }

        List<String> names() {
            return columns.stream().map(c -> c.contains("=") ? c.substring(0, c.indexOf('=')) : c).toList();
        }

        List<String> attributes() {
            return columns.stream().map(c -> c.contains("=") ? c.substring(c.indexOf('=') + 1) : c).toList();
        }
    }

    /** Writes the bound clinic's rows of one table to the sink, a page at a time. */
    public static void export(EntityManager em, TableSink out, Spec spec) {
        long count = em.createQuery("select count(x) from " + spec.entity() + " x", Long.class).getSingleResult();
        out.table(spec.table(), spec.names(), count);
        String select = "select " + String.join(", ", spec.attributes().stream().map(a -> "x." + a).toList())
                + " from " + spec.entity() + " x";
        Object last = null;
        while (true) {
            var query = last == null
                    ? em.createQuery(select + " order by x.id", Object[].class)
                    : em.createQuery(select + " where x.id > :last order by x.id", Object[].class).setParameter("last", last);
            List<Object[]> page = query.setMaxResults(PAGE).getResultList();
            for (Object[] row : page) {
                out.row(row);
            }
            if (page.size() < PAGE) {
                return;
            }
            last = page.getLast()[0];
            em.clear();
        }
    }

    /** Deletes every row of the bound clinic in the entity's table (one bulk statement). */
    public static int deleteAll(EntityManager em, String entity) {
        return em.createQuery("delete from " + entity).executeUpdate();
    }

    /** The values of one row as a list (for sinks and tests). */
    public static List<Object> values(Object... row) {
        List<Object> values = new ArrayList<>(row.length);
        Collections.addAll(values, row);
        return values;
    }
}
