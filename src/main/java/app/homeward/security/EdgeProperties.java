package app.homeward.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * How Homeward meets the network (application.properties, "--- edges").
 *
 * @param trustedProxies the reverse proxies / load balancers whose {@code X-Forwarded-For},
 *                       {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port} are believed: IP addresses or
 *                       CIDR ranges ({@code HOMEWARD_TRUSTED_PROXIES}, comma-separated). Empty (the default): no
 *                       one's, so every address is the TCP peer's own.
 * @param tls            Homeward is reached over HTTPS (at a trusted proxy or by Tomcat itself,
 *                       {@code HOMEWARD_TLS}): the session cookie is {@code Secure} and named with the
 *                       {@code __Host-} prefix, which browsers accept only over HTTPS.
 * @param managementPort a second port that serves the actuator only ({@code MANAGEMENT_PORT}); null: none.
 * @param managementAddress the address that port listens on ({@code MANAGEMENT_ADDRESS}, default 127.0.0.1).
 */
@ConfigurationProperties("homeward.edge")
public record EdgeProperties(List<String> trustedProxies, boolean tls, Integer managementPort,
                             String managementAddress) {

    public EdgeProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (managementPort != null && managementPort <= 0) {
            managementPort = null;
        }
        managementAddress = managementAddress == null || managementAddress.isBlank() ? "127.0.0.1"
                : managementAddress.trim();
    }

    /** True when the actuator has a port of its own (MANAGEMENT_PORT). */
    public boolean hasManagementPort() {
        return managementPort != null;
    }
}
