package app.homeward.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import app.homeward.base.DatabaseReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates (or re-keys) the platform operator from HOMEWARD_OPERATOR_EMAIL / HOMEWARD_OPERATOR_PASSWORD.
 * This is the only way an operator comes to exist: there is no web form for it.
 */
@Component
class OperatorBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final PlatformOperatorRepository operators;
    private final PasswordEncoder encoder;
    private final String email;
    private final String password;

    OperatorBootstrap(PlatformOperatorRepository operators, PasswordEncoder encoder,
                      @Value("${homeward.operator.email:}") String email,
                      @Value("${homeward.operator.password:}") String password) {
        this.operators = operators;
        this.encoder = encoder;
        this.email = email;
        this.password = password;
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
        }, () -> {
            operators.save(new PlatformOperator(email, "Platform operator", encoder.encode(password)));
            LOG.info("platform operator created from the environment");
        });
    }
}
