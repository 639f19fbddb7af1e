package app.homeward.homework.practice;

import app.homeward.homework.practice.PracticeFacts.PlanFact;
import app.homeward.homework.practice.PracticeFacts.ReviewFact;
import app.homeward.homework.practice.PracticeReport.Share;
import app.homeward.security.CurrentUser;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * "My homework practice" (decision 0044): the habits the research ties to homework being done, counted over the
 * last six months. A therapist sees their own figures only; an admin sees the clinic's totals and, like any
 * therapist, their own. Nobody sees another therapist's figures: this is for reflection, never a ranking.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
@Transactional(readOnly = true)
public class PracticeService {

    /** How many calendar months the page shows, the current one included. */
    public static final int MONTHS = 6;
    /** Reviewed "in time": within a week of being sent, i.e. before the next weekly session. */
    public static final Duration REVIEW_WITHIN = Duration.ofDays(7);

    private final PracticeFacts facts;
    private final ClinicDirectory clinics;
    private final Clock clock;

    PracticeService(PracticeFacts facts, ClinicDirectory clinics, Clock clock) {
        this.facts = facts;
        this.clinics = clinics;
        this.clock = clock;
    }

    /** The signed-in therapist's (or admin's) own plans and reviews. */
    public PracticeReport mine() {
        return report(CurrentUser.require().accountId(), false);
    }

    /** Everyone in the clinic together: admins only, and never broken down by therapist. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    public PracticeReport clinic() {
        return report(null, true);
    }

    private PracticeReport report(UUID therapist, boolean clinicWide) {
        ZoneId zone = clinics.currentTimeZone();
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(zone));
        YearMonth first = current.minusMonths(MONTHS - 1);
        Instant since = first.atDay(1).atStartOfDay(zone).toInstant();
        List<PlanFact> plans = facts.plans(therapist, since);
        List<ReviewFact> reviews = facts.reviews(therapist, since);
        List<PracticeReport.Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            YearMonth m = month;
            List<PlanFact> made = plans.stream().filter(p -> YearMonth.from(p.createdAt().atZone(zone)).equals(m)).toList();
            List<ReviewFact> sent = reviews.stream().filter(r -> YearMonth.from(r.submittedAt().atZone(zone)).equals(m)).toList();
            Map<PracticeMeasure, Share> shares = new EnumMap<>(PracticeMeasure.class);
            shares.put(PracticeMeasure.OWN_WORDS, share(made.stream().filter(p -> p.rationaleOwn() != null).toList(),
                    PlanFact::rationaleOwn));
            shares.put(PracticeMeasure.OBSTACLES_AND_BACKUP, share(made, PlanFact::obstaclesAndBackup));
            shares.put(PracticeMeasure.CONFIDENCE_CHECKED, share(made, PlanFact::confidenceChecked));
            shares.put(PracticeMeasure.LOW_CONFIDENCE_ACTED_ON,
                    share(made.stream().filter(PlanFact::confidencePrompted).toList(), PlanFact::planChanged));
            // an entry sent less than a week ago and not reviewed yet is not late: it is left out until it is
            shares.put(PracticeMeasure.REVIEWED_IN_TIME, share(sent.stream()
                    .filter(r -> r.reviewedAt() != null || r.submittedAt().plus(REVIEW_WITHIN).isBefore(now)).toList(),
                    r -> r.reviewedAt() != null && !r.reviewedAt().isAfter(r.submittedAt().plus(REVIEW_WITHIN))));
            shares.put(PracticeMeasure.FEEDBACK_GIVEN,
                    share(sent.stream().filter(r -> r.reviewedAt() != null).toList(), ReviewFact::feedbackGiven));
            months.add(new PracticeReport.Month(m, shares));
        }
        return new PracticeReport(clinicWide, months);
    }

    private static <T> Share share(List<T> items, Predicate<T> counted) {
        return new Share((int) items.stream().filter(counted).count(), items.size());
    }
}
