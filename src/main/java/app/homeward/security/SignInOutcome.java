package app.homeward.security;

/** What a sign-in attempt came to. A failure never says whether the email or the password was wrong. */
public sealed interface SignInOutcome {

    record Success(HomewardUser user) implements SignInOutcome {
    }

    record Failed() implements SignInOutcome {
    }

    record Throttled(long secondsToWait) implements SignInOutcome {
    }

    /** Unknown, unverified or suspended: all look the same. */
    record ClinicUnavailable() implements SignInOutcome {
    }
}
