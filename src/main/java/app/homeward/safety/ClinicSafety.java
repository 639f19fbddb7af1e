package app.homeward.safety;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.base.Text;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.CurrentClinic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinic's safety settings: its crisis lines per language and what clients see of their own scores.
 * Everyone signed in to the clinic may read what the client portal needs; only a clinic admin changes it.
 */
@Service
public class ClinicSafety {

    /** The longest crisis text: a few lines with numbers and hours, never a document. */
    public static final int MAX_CRISIS_TEXT = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ClinicSafety.class);

    private final CrisisLineRepository lines;
    private final ScorePolicyRepository policies;
    private final ClinicDirectory clinics;
    private final AuditTrail audit;
    private final Clock clock;

    ClinicSafety(CrisisLineRepository lines, ScorePolicyRepository policies, ClinicDirectory clinics,
                 AuditTrail audit, Clock clock) {
        this.lines = lines;
        this.policies = policies;
        this.clinics = clinics;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Where a client reading in {@code language} should turn now: the clinic's text in that language; else its
     * text in the clinic's default language, else in any language (a phone number helps in any language, and
     * the admin is warned on the settings page); empty when the clinic has added none, and the portal shows
     * its neutral default.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<String> crisisText(Locale language) {
        Map<String, String> all = byLanguage();
        String wanted = Messages.supported(language).getLanguage();
        if (all.containsKey(wanted)) {
            return Optional.of(all.get(wanted));
        }
        String clinicDefault = clinic().map(ClinicBranding::defaultLanguage).orElse(null);
        if (clinicDefault != null && all.containsKey(clinicDefault)) {
            return Optional.of(all.get(clinicDefault));
        }
        return all.values().stream().findFirst();
    }

    /** The clinic's crisis text per supported language ("" where there is none), for the settings page. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Map<Locale, String> crisisLines() {
        Map<String, String> all = byLanguage();
        Map<Locale, String> shown = new LinkedHashMap<>();
        for (Locale language : Messages.SUPPORTED) {
            shown.put(language, all.getOrDefault(language.getLanguage(), ""));
        }
        return shown;
    }

    /** Whether the clinic has added a crisis text in any language: until it has, the admin's home asks for one. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public boolean hasCrisisLine() {
        return !lines.findAllByOrderByLanguageAsc().isEmpty();
    }

    /**
     * Saves the crisis text for each language given (empty removes that language's). Each at most
     * {@value #MAX_CRISIS_TEXT} characters; line breaks are kept, control characters are not.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void changeCrisisLines(Map<Locale, String> texts) {
        Map<String, String> cleaned = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            Locale supported = Messages.supported(language);
            if (!supported.getLanguage().equals(language.getLanguage())) {
                throw new DomainException("crisis-" + language.getLanguage(), "safety.crisis.language-unknown");
            }
            String clean = Text.cleanMultiline(text);
            if (clean.length() > MAX_CRISIS_TEXT) {
                throw new DomainException("crisis-" + supported.getLanguage(), "validation.too-long", MAX_CRISIS_TEXT);
            }
            cleaned.put(supported.getLanguage(), clean);
        });
        List<CrisisLine> existing = lines.findAllByOrderByLanguageAsc();
        cleaned.forEach((language, text) -> {
            Optional<CrisisLine> line = existing.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
            if (text.isEmpty()) {
                line.ifPresent(lines::delete);
            } else if (line.isPresent()) {
                line.get().change(text, clock.instant());
            } else {
                lines.save(new CrisisLine(language, text, clock.instant()));
            }
        });
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("crisis-lines"));
        LOG.info("crisis lines changed clinic={} languages={}", myClinic(), cleaned.keySet());
    }

    /**
     * For the tenants/ import only (no signed-in person; the clinic is bound): the crisis lines a clinic's
     * definition names, for each language the clinic has none in yet. What an admin wrote in the app is never
     * overwritten. Returns whether anything was added.
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public boolean importCrisisLines(Map<String, String> texts) {
        Map<String, String> existing = byLanguage();
        boolean added = false;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            Locale language = Messages.forLanguageTag(text.getKey());
            String clean = Text.cleanMultiline(text.getValue());
            if (!language.getLanguage().equals(text.getKey()) || clean.isEmpty() || clean.length() > MAX_CRISIS_TEXT) {
                throw new IllegalArgumentException("tenants: crisisLines." + text.getKey()
                        + " must be a supported language with a text of 1 to " + MAX_CRISIS_TEXT + " characters");
            }
            if (!existing.containsKey(language.getLanguage())) {
                lines.save(new CrisisLine(language.getLanguage(), clean, clock.instant()));
                added = true;
            }
        }
        return added;
    }

    /** What the clinic's clients see of their own scores (the default until an admin chooses). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public ClientScores clientScores() {
        return policies.findFirstBy().map(ScorePolicy::getClientScores).orElse(ClientScores.DEFAULT);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void changeClientScores(ClientScores choice) {
        if (choice == null) {
            throw new DomainException("clientScores", "validation.required");
        }
        policies.findFirstBy().ifPresentOrElse(p -> p.change(choice, clock.instant()),
                () -> policies.save(new ScorePolicy(choice, clock.instant())));
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("client-scores"));
        LOG.info("client score display changed clinic={} to={}", myClinic(), choice);
    }

    private Map<String, String> byLanguage() {
        Map<String, String> all = new LinkedHashMap<>();
        lines.findAllByOrderByLanguageAsc().forEach(l -> all.put(l.getLanguage(), l.getMessage()));
        return all;
    }

    private Optional<ClinicBranding> clinic() {
        return clinics.findById(myClinic());
    }

    private static UUID myClinic() {
        return CurrentClinic.id().orElseThrow(NotFoundException::new);
    }
}
