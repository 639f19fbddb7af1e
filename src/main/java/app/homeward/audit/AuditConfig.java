package app.homeward.audit;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the audit trail's background writer with the application and writes what is queued on shutdown. */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

    @Bean
    SmartLifecycle auditWriterLifecycle(AuditTrail trail) {
        return trail.writer();
    }
}
