package app.homeward.security;

import app.homeward.base.RequestOrigin;
import org.springframework.stereotype.Component;

/**
 * The second factor at re-authentication (decision 0026): before changing their email, password or
 * authenticator, a person who has one gives a current code (or an unused recovery code) as well as the
 * password. Codes are accepted once and throttled by {@link SecondFactorService}.
 */
@Component
class SecondFactorReauthentication implements ReauthenticationCheck {

    private final SecondFactorService secondFactors;

    SecondFactorReauthentication(SecondFactorService secondFactors) {
        this.secondFactors = secondFactors;
    }

    @Override
    public String field() {
        return "code";
    }

    @Override
    public String labelKey() {
        return "reauth.code";
    }

    @Override
    public boolean appliesTo(HomewardUser user) {
        return secondFactors.myStatus().on();
    }

    @Override
    public boolean verify(HomewardUser user, String value) {
        return secondFactors.checkMyCode(value, RequestOrigin.current()) instanceof SecondFactorService.CodeCheck.Accepted;
    }
}
