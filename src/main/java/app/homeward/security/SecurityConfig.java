package app.homeward.security;

import app.homeward.security.ui.ClinicFinderView;
import app.homeward.tenancy.ClinicMdcFilter;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccountDirectory directory) throws Exception {
        // Non-Vaadin paths must be permitted before the Vaadin configurer, else they get 403.
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/webjars/**", "/styles/**", "/images/**", "/favicon.ico", "/unsubscribe/one-click/**").permitAll());
        // RFC 8058 one-click unsubscribe: the mail provider POSTs without a session, so without a CSRF token
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe/one-click/**"));
        http.addFilterAfter(new SessionGuardFilter(directory), SecurityContextHolderFilter.class);
        http.addFilterBefore(new ClinicMdcFilter(), AnonymousAuthenticationFilter.class);
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(frame -> frame.deny()));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(ClinicFinderView.class, "/"));
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
                org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
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
