package app.homeward.base;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which country's date and time conventions a clinic reads by default, and the viewer's region from a
 * browser's {@code Accept-Language}. Java has no time-zone → country table, and a full one would be
 * false precision: a clinic that is not served well by this guess sets its country in its settings.
 * The rule (decision 0031): a few zones by name, then every other {@code America/*} zone reads as
 * the United States, every other zone as "no country" (the language's own conventions).
 */
public final class Regions {

    /** Zones whose country is not what the rule below would guess, or that are common among clinics. */
    private static final Map<String, String> BY_ZONE = Map.ofEntries(
            Map.entry("Europe/London", "GB"), Map.entry("Europe/Belfast", "GB"), Map.entry("GB", "GB"),
            Map.entry("Europe/Dublin", "IE"),
            Map.entry("Europe/Madrid", "ES"), Map.entry("Atlantic/Canary", "ES"), Map.entry("Africa/Ceuta", "ES"),
            Map.entry("Europe/Lisbon", "PT"), Map.entry("Europe/Paris", "FR"), Map.entry("Europe/Berlin", "DE"),
            Map.entry("Europe/Rome", "IT"), Map.entry("Europe/Amsterdam", "NL"),
            Map.entry("America/Mexico_City", "MX"), Map.entry("America/Monterrey", "MX"),
            Map.entry("America/Merida", "MX"), Map.entry("America/Cancun", "MX"), Map.entry("America/Tijuana", "MX"),
            Map.entry("America/Chihuahua", "MX"), Map.entry("America/Hermosillo", "MX"),
            Map.entry("America/Bogota", "CO"), Map.entry("America/Lima", "PE"), Map.entry("America/Santiago", "CL"),
            Map.entry("America/Caracas", "VE"), Map.entry("America/Montevideo", "UY"),
            Map.entry("America/Argentina/Buenos_Aires", "AR"), Map.entry("America/Buenos_Aires", "AR"),
            Map.entry("America/Toronto", "CA"), Map.entry("America/Vancouver", "CA"),
            Map.entry("America/Edmonton", "CA"), Map.entry("America/Winnipeg", "CA"), Map.entry("America/Halifax", "CA"),
            Map.entry("America/Sao_Paulo", "BR"),
            Map.entry("Australia/Sydney", "AU"), Map.entry("Australia/Melbourne", "AU"),
            Map.entry("Australia/Brisbane", "AU"), Map.entry("Australia/Perth", "AU"),
            Map.entry("Pacific/Auckland", "NZ"));

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Regions() {
    }

    /** The clinic's default country for its time zone: "GB" for Europe/London, "US" for America/Chicago, "" when unknown. */
    public static String fromTimeZone(ZoneId zone) {
        if (zone == null) {
            return "";
        }
        String id = zone.getId();
        String known = BY_ZONE.get(id);
        if (known != null) {
            return known;
        }
        return id.startsWith("America/") ? "US" : "";
    }

    /** An ISO 3166 two-letter country in upper case, or "" for anything else (blank means "from the time zone"). */
    public static String country(String code) {
        if (code == null) {
            return "";
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return COUNTRIES.contains(upper) ? upper : "";
    }

    /**
     * The region of the browser's most preferred language that names one ("en-GB,en;q=0.9" → "GB"), or ""
     * when the header is missing, malformed or names languages only ("en"). Nothing else from the header is kept.
     */
    public static String fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String country = Locale.forLanguageTag(range.getRange()).getCountry();
                if (!country.isEmpty()) {
                    return country(country);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header we cannot read is a browser that told us nothing
        }
        return "";
    }
}
