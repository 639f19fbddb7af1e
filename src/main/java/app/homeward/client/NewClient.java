package app.homeward.client;

import java.time.LocalDate;

/** What the therapist enters to add a client; time zone as an IANA id ("Europe/Berlin"). */
public record NewClient(String displayName, String email, String timeZone, String language, LocalDate nextSession,
                        boolean simplified) {
}
