package app.homeward.security;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the second factor (built elsewhere) at the {@link ReauthenticationCheck} seam: accounts a test
 * enrols must also give their code to re-authenticate; every other account is untouched. A test component,
 * the same in every test's context.
 */
@Component
public class TestSecondFactor implements ReauthenticationCheck {

    private final Map<UUID, String> codes = new ConcurrentHashMap<>();

    public void enrol(UUID accountId, String code) {
        codes.put(accountId, code);
    }

    @Override
    public String field() {
        return "code";
    }

    @Override
    public String labelKey() {
        return "reauth.password";
    }

    @Override
    public boolean appliesTo(HomewardUser user) {
        return codes.containsKey(user.accountId());
    }

    @Override
    public boolean verify(HomewardUser user, String value) {
        return codes.getOrDefault(user.accountId(), "").equals(value);
    }
}
