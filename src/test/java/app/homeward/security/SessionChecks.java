package app.homeward.security;

/** What the session guard asks on each request, for tests outside this package. */
public final class SessionChecks {

    private SessionChecks() {
    }

    /** Whether a session signed in as {@code user} may still go on (its stamp still matches). */
    public static boolean stillValid(AccountDirectory directory, HomewardUser user) {
        var signedIn = CurrentUser.get();
        TestUsers.signInAs(user);
        try {
            return directory.sessionStillValid(user);
        } finally {
            signedIn.ifPresentOrElse(TestUsers::signInAs, TestUsers::signOut);
        }
    }
}
