package app.homeward.security;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.homeward.base.DatabaseReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import java.time.Clock;

/**
 * Creates (or re-keys) the platform operator from HOMEWARD_OPERATOR_EMAIL / HOMEWARD_OPERATOR_PASSWORD.
 * This is the only way an operator comes to exist: there is no web form for it. With
 * HOMEWARD_OPERATOR_RESET_SECOND_FACTOR=true it also removes the operator's authenticator (a lost phone
 * with no recovery codes left), so the next sign-in sets up a new one.
 */
@Component
class OperatorBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final PlatformOperatorRepository operators;
    private final PasswordEncoder encoder;
    private final String email;
    private final String password;
    private final Clock clock;
    private final boolean resetSecondFactor;
    private final AuditTrail audit;

    OperatorBootstrap(PlatformOperatorRepository operators, PasswordEncoder encoder,
                      OperatorProperties settings, Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.resetSecondFactor = settings.resetSecondFactor();
        this.audit = audit;
        this.operators = operators;
        this.encoder = encoder;
        this.email = settings.email();
        this.password = settings.password();
    }

    @EventListener(DatabaseReady.class)
    @Order(0)
    @Transactional
    public void bootstrap() {
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            LOG.info("no platform operator configured");
            return;
        }
        operators.findByEmail(Account.normalise(email)).ifPresentOrElse(existing -> {
            if (!encoder.matches(password, existing.getPasswordHash())) {
                existing.changePassword(encoder.encode(password));
                LOG.info("platform operator password updated from the environment");
            }
            if (resetSecondFactor && existing.secondFactor().isOn()) {
                // the operator's lost phone: whoever controls the server's environment may start them over
                existing.secondFactor().clear();
                // no one is signed in: the platform's trail, with the operator's account as the object
                audit.record(AuditEntry.of(AuditAction.SECOND_FACTOR_RESET).clinic(AuditTrail.PLATFORM)
                        .object(AuditObject.ACCOUNT, existing.getId()).detail("environment"));
                LOG.warn("platform operator's two-step sign-in reset from the environment "
                        + "(HOMEWARD_OPERATOR_RESET_SECOND_FACTOR): set it up again at the next sign-in, then unset the variable");
            }
        }, () -> {
            operators.save(new PlatformOperator(email, "Platform operator", encoder.encode(password), clock.instant()));
            LOG.info("platform operator created from the environment");
        });
    }
}
