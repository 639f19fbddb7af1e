package app.homeward.base;

import app.homeward.base.EntityTables.Spec;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A {@link ClinicData} whose tables are all read and deleted the same way, through their entities
 * ({@link EntityTables}): a feature declares its tables and writes only its own erasure rule, so listing,
 * exporting and deleting a clinic's rows is written once.
 * <p>
 * Tables are listed parents first (a row refers only to rows of tables listed before it) and deleted in the
 * reverse order, so a new table that refers to the others goes at the end of the list.
 */
public abstract class ClinicTables implements ClinicData {

    private final int order;
    private final List<Spec> tables;

    @PersistenceContext
    protected EntityManager em;

    protected ClinicTables(int order, List<Spec> tables) {
        this.order = order;
        this.tables = List.copyOf(tables);
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public List<String> tables() {
        return tables.stream().map(Spec::table).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public void export(TableSink out) {
        tables.forEach(spec -> EntityTables.export(em, out, spec));
    }

    @Override
    @Transactional
    public void deleteAll() {
        tables.reversed().forEach(spec -> EntityTables.deleteAll(em, spec.entity()));
    }

    /** Deletes the client's rows of each entity (children first), for entities that carry a {@code clientId}. */
    protected void deleteOfClient(UUID clientId, String... entities) {
        for (String entity : entities) {
            em.createQuery("delete from " + entity + " x where x.clientId = :client")
                    .setParameter("client", clientId).executeUpdate();
        }
    }
}
