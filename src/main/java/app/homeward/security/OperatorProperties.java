package app.homeward.security;

import jakarta.validation.constraints.Email;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * {@code homeward.operator.*}: the platform operator, created or updated at start-up (there is no web form).
 *
 * @param email             {@code HOMEWARD_OPERATOR_EMAIL}; empty: no operator
 * @param password          {@code HOMEWARD_OPERATOR_PASSWORD}; empty: no operator
 * @param resetSecondFactor {@code HOMEWARD_OPERATOR_RESET_SECOND_FACTOR}: true once, to remove the operator's
 *                          lost authenticator; unset it afterwards
 */
@ConfigurationProperties("homeward.operator")
@Validated
record OperatorProperties(@DefaultValue("") @Email String email,
                          @DefaultValue("") String password,
                          @DefaultValue("false") boolean resetSecondFactor) {

    /** Never the password: a record prints every component, and these get logged when binding fails. */
    @Override
    public String toString() {
        return "OperatorProperties[email=" + email + ", password=" + (StringUtils.hasText(password) ? "(set)" : "(empty)")
                + ", resetSecondFactor=" + resetSecondFactor + "]";
    }
}
