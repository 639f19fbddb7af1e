package app.homeward.base;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Keeps Hibernate's mapping metadata so {@link DatabaseStartup} can validate the schema after Flyway
 * has migrated it — which may be long after the session factory was built, when the database was
 * away at start-up.
 */
@Component
class HibernateMetadata implements Integrator, HibernatePropertiesCustomizer {

    private volatile Metadata metadata;
    private volatile SessionFactoryImplementor sessionFactory;

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        this.metadata = metadata;
        this.sessionFactory = sessionFactory;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.put("hibernate.integrator_provider", (IntegratorProvider) () -> List.of(this));
    }

    Metadata metadata() {
        return metadata;
    }

    SessionFactoryImplementor sessionFactory() {
        return sessionFactory;
    }
}
