package app.homeward.homework.ui;

import app.homeward.base.Dates;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientStatus;
import app.homeward.security.CurrentUser;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Small formatting pieces the staff homework views and the client pages (client.ui) share: status
 * badges, the adherence bar, and date pickers that speak the page's language. Dates and times: {@link Dates}.
 */
public final class ClientFormat {

    /** Shown where there is no value, so an empty cell never looks like a loading error. */
    public static final String NONE = Dates.NONE;

    private ClientFormat() {
    }

    /** The signed-in person's clinic: its time zone dates are shown in, its defaults for new clients. */
    public static ClinicBranding currentClinic(ClinicDirectory clinics) {
        return clinics.findById(CurrentUser.require().clinicId())
                .orElseThrow(NotFoundException::new);
    }

    /** The page's language (Component#getLocale is protected). */
    public static Locale locale(Component component) {
        return component.getUI().or(() -> Optional.ofNullable(UI.getCurrent()))
                .map(UI::getLocale).orElse(Locale.ENGLISH);
    }

    public static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.addClassName("badge");
        if (variant != null) {
            badge.addClassName("badge--" + variant);
        }
        return badge;
    }

    public static Span statusBadge(ClientStatus status, Component translator) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return badge(translator.getTranslation("client.status." + name), "client-" + name);
    }

    /** {@link Dates#date(LocalDate, Locale)}: kept for ClientView and AssignDialog until they call Dates themselves. */
    public static String date(LocalDate date, Locale locale) {
        return Dates.date(date, locale);
    }

    /** {@link Dates#dateTime}: kept for ClientView until it calls Dates itself. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        return Dates.dateTime(instant, zone, locale);
    }

    /** "Score: 12 · Moderate", or without the band when the measure has none. */
    public static String score(Integer score, String band, Component translator) {
        if (score == null) {
            return NONE;
        }
        return band == null || band.isBlank() ? translator.getTranslation("review.score", score)
                : translator.getTranslation("review.score.band", score, band);
    }

    /** "75 %" with a small bar beside it, or "–" when nothing was due. The bar is decoration: the text says it all. */
    public static Div adherence(int percent) {
        Div cell = new Div();
        cell.addClassName("adherence");
        if (percent < 0) {
            cell.add(new Span(NONE));
            return cell;
        }
        Div fill = new Div();
        fill.addClassName("adherence-fill");
        fill.getStyle().set("width", percent + "%");
        Div bar = new Div(fill);
        bar.addClassName("adherence-bar");
        bar.getElement().setAttribute("aria-hidden", "true");
        if (percent < 50) {
            bar.addClassName("adherence-bar--low");
        }
        cell.add(new Span(percent + " %"), bar);
        return cell;
    }

    /** Month and weekday names in the page's language, weeks starting on Monday. */
    public static void localize(DatePicker picker, Component translator) {
        Locale locale = locale(translator);
        // the region decides the order and separators the picker shows: 04/12/2026 in the UK, 12/4/2026 in the US
        picker.setLocale(Dates.formatLocale(locale));
        List<DayOfWeek> sundayFirst = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)).toList();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> capital(m.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList())
                .setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setToday(translator.getTranslation("client.date.today"))
                .setCancel(translator.getTranslation("action.cancel"));
        picker.setI18n(i18n);
    }

    private static String capital(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
