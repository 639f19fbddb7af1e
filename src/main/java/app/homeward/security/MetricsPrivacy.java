package app.homeward.security;

import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics must not say what a request found. Two series moved on "forgot password" only when the
 * email had an account at that clinic — a signal of who is a client of which clinic to anyone who reads
 * the metrics:
 * <ul>
 * <li>Spring Data's per-repository-method timers ({@code spring.data.repository.invocations}): the token
 * was saved. Denied here, and not recorded at all (application.properties), so nothing re-enables them
 * by accident;</li>
 * <li>log events by level ({@code logback.events}): "password reset requested" and "mail delivered" are
 * logged only then. Only the error count is kept, which is what alerts use;</li>
 * <li>method-security checks ({@code spring.security.authorizations} for methods): every
 * {@code @PreAuthorize} method a request happens to call is counted, so the count tells which code ran
 * (the discreet-sender lookup before an email is one). Request authorizations, the same for every
 * caller of a page, are kept.</li>
 * </ul>
 * {@code ActuatorExposureTest} compares every exported counter for an address with an account and one
 * without.
 */
@Configuration(proxyBeanMethods = false)
class MetricsPrivacy {

    @Bean
    MeterFilter noRepositoryInvocationMetrics() {
        return MeterFilter.denyNameStartsWith("spring.data.repository.invocations");
    }

    @Bean
    MeterFilter noMethodAuthorizationMetrics() {
        return MeterFilter.deny(id -> id.getName().startsWith("spring.security.authorizations")
                && "method".equals(id.getTag("spring.security.object")));
    }

    @Bean
    MeterFilter onlyErrorLogEvents() {
        return MeterFilter.deny(id -> "logback.events".equals(id.getName()) && !"error".equals(id.getTag("level")));
    }
}
