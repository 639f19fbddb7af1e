package app.homeward.security;

import app.homeward.security.ui.ClinicFinderView;
import app.homeward.tenancy.ClinicMdcFilter;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.time.Clock;
import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /**
     * What the browser may use on Homeward's pages: nothing beyond the page itself. Homeward asks for no
     * camera, microphone, location, payment, USB, sensors, screen capture, WebAuthn or interest tracking.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
            + "magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=(), "
            + "browsing-topics=()";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDirectory directory, Clock clock,
                                            ApplicationEventPublisher events,
                                            ContentSecurityPolicy contentSecurityPolicy,
                                            ManagementPort managementPort) throws Exception {
        // Non-Vaadin paths must be permitted before the Vaadin configurer, else they get 403.
        http.authorizeHttpRequests(auth -> auth
                // the actuator's own port (MANAGEMENT_PORT), on loopback: Prometheus scrapes it there; nothing else
                .requestMatchers(managementPort::actuator).permitAll()
                .requestMatchers(managementPort::matches).denyAll()
                // liveness and readiness for load balancers and orchestrators: public, never with details
                .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                .permitAll()
                // build info and metrics: on the main port only for the platform operator
                .requestMatchers("/actuator", "/actuator/**").hasRole("PLATFORM_OPERATOR")
                .requestMatchers("/webjars/**", "/styles/**", "/images/**", "/favicon.ico", "/icons/**",
                        "/unsubscribe/one-click/**").permitAll());
        // anonymous requests to the actuator get a plain 401, not the sign-in page
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")));
        // RFC 8058 one-click unsubscribe: the mail provider POSTs without a session, so without a CSRF token
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/one-click/**"));
        // sessions end here: revoked (session stamp), idle or absolute limit reached (decision 0026)
        http.addFilterAfter(new SessionGuardFilter(directory, clock, events), SecurityContextHolderFilter.class);
        http.addFilterBefore(new ClinicMdcFilter(), AnonymousAuthenticationFilter.class);
        http.headers(headers -> headers
                // before the request goes on, not when the response is committed: Vaadin's bootstrap page
                // adds "X-Frame-Options: SAMEORIGIN" (its 25.2 default) unless the header is already there,
                // which made our DENY lose; and the page needs the CSP nonce before it is rendered
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .addHeaderWriter(contentSecurityPolicy)
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .crossOriginOpenerPolicy(coop -> coop.policy(
                        CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                // only on requests that arrived over HTTPS (directly, or from a trusted proxy saying so)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        SignOutLanding signOut = new SignOutLanding(clock, events);
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(ClinicFinderView.class, "/")
                // signing out lands on the person's own sign-in page and is published as SessionEnded
                .logoutSuccessHandler(signOut).addLogoutHandler(signOut));
        return http.build();
    }

    /**
     * Argon2id for new hashes; bcrypt and pbkdf2 still verify (and are upgraded on the next sign-in).
     * Not bcrypt by default: it ignores everything after 72 bytes and we allow 128-character passphrases.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String current = "argon2";
        Map<String, PasswordEncoder> encoders = Map.of(
                current, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder(),
                "pbkdf2@SpringSecurity_v5_8",
                Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        return new DelegatingPasswordEncoder(current, encoders);
    }

    /**
     * Sign-in happens through {@link SignInService} on the clinic's page, never through a generic
     * username/password POST. This manager makes such a POST fail and stops Spring Boot from creating
     * its default in-memory user.
     */
    @Bean
    AuthenticationManager noGenericSignIn() {
        return authentication -> {
            throw new BadCredentialsException("sign in on your clinic's page");
        };
    }
}
