package app.homeward.base;

import java.util.Locale;
import java.util.UUID;

/**
 * The word each clinic uses for homework (decision 0046), for the parts below the homework feature that speak
 * to a clinic's clients: sign-in (the client's session locale), the invitation email and page. The homework
 * feature implements it from its clinic settings. Reads the named clinic's setting whatever clinic the caller
 * is bound to; a clinic that never chose one says homework.
 */
public interface HomeworkWords {

    HomeworkWord of(UUID clinicId);

    /** The locale with the clinic's word on it: what a text to one of its clients is rendered in. */
    default Locale forClients(UUID clinicId, Locale locale) {
        return clinicId == null ? HomeworkWord.HOMEWORK.on(locale) : of(clinicId).on(locale);
    }
}
