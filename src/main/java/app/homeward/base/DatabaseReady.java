package app.homeward.base;

/**
 * Published once the database is reachable, migrated and matches the entities. Work that needs the
 * database at start-up (bootstrapping the operator, importing tenants/) listens for this instead of
 * running while the application starts, so Homeward can start while the database is still away.
 */
public record DatabaseReady() {
}
