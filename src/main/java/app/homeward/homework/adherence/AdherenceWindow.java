package app.homeward.homework.adherence;

import app.homeward.base.DomainException;
import app.homeward.homework.HomeworkSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;

/**
 * The weeks an adherence figure covers, worked out once for every place that shows one (the
 * caseload list, the adherence pages, a client's panel), so the same client never shows two numbers:
 * the current week (Monday to today, in the clinic's time zone) and the weeks before it; see
 * decision 0019.
 *
 * @param fetchFrom  where the queries start: a day before the first Monday, because clients east of
 *                   the clinic start their days earlier
 * @param fetchUntil where they end: a day after now, because clients east of UTC already live in the
 *                   next calendar day, and an occurrence belongs to a week by its day in the client's zone
 */
record AdherenceWindow(Instant now, int weeks, LocalDate firstDay, Instant fetchFrom, Instant fetchUntil,
                       AdherenceCalculator calculator) {

    /** The caseload list shows the shortest window the adherence pages offer. */
    static final int CASELOAD_WEEKS = 4;

    /** @param zone the clinic's time zone: the weeks start on its Mondays (decision 0019) */
    static AdherenceWindow of(Instant now, ZoneId zone, HomeworkSettings settings, int weeks) {
        if (weeks < 1 || weeks > 26) {
            throw new DomainException("weeks", "validation.choose");
        }
        LocalDate firstDay = AdherenceCalculator.firstDay(LocalDate.ofInstant(now, zone), weeks);
        Instant fetchFrom = firstDay.atStartOfDay(zone).toInstant().minus(Duration.ofDays(1));
        Duration grace = Duration.ofHours(settings.graceHours());
        return new AdherenceWindow(now, weeks, firstDay, fetchFrom, now.plus(Duration.ofDays(1)),
                new AdherenceCalculator(now, grace, firstDay, weeks));
    }
}
