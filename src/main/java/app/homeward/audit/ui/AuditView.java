package app.homeward.audit.ui;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditFilter;
import app.homeward.audit.AuditLabels;
import app.homeward.audit.AuditPeople.Person;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditService;
import app.homeward.base.Dates;
import app.homeward.base.ui.Forms;
import app.homeward.base.ui.PhoneColumns;
import app.homeward.tenancy.ClinicDirectory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * /app/audit: the clinic's audit trail for its admins. Filter by staff member, client, what happened and
 * days (of the clinic's calendar); the grid loads a page at a time; the filtered records download as CSV.
 * The client page links here with the client and the last 90 days filled in ({@link #link}): "who looked at
 * Jordan's record lately?" in one screen.
 */
@Route("app/audit")
@Menu(title = "nav.audit", order = 75, icon = "RECORDS")
// the role's name as a literal: the audit module sits below the security module (decision 0011)
@RolesAllowed("CLINIC_ADMIN")
public class AuditView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String CLIENT = "client";
    static final String FROM = "from";
    static final String TO = "to";
    static final String WHAT = "what";

    final ComboBox<Person> staff = new ComboBox<>();
    final ComboBox<Person> client = new ComboBox<>();
    final ComboBox<What> what = new ComboBox<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Button clear = new Button();
    final Paragraph count = new Paragraph();
    final Grid<AuditRow> grid = new Grid<>();
    final Anchor download;
    private final AuditService audit;
    private final ZoneId zone;
    private AuditFilter filter = AuditFilter.all();
    /** While the address fills in the filters: apply them once, at the end. */
    private boolean settingUp;

    /** A choice in "What happened": a whole kind of actions, or one action. */
    record What(AuditAction.Kind kind, AuditAction action) {

        Set<AuditAction> actions() {
            return action != null ? Set.of(action) : kind.actions();
        }
    }

    public AuditView(AuditService audit, ClinicDirectory clinics) {
        this.audit = audit;
        this.zone = clinics.currentTimeZone();
        addClassName("page");
        addClassName("audit-page");
        AuditLabels labels = new AuditLabels(this::getTranslation);

        Paragraph intro = new Paragraph(getTranslation("audit.intro", zone.getId()));
        intro.addClassName("page-intro");

        staff.setLabel(getTranslation("audit.filter.staff"));
        staff.setId("audit-staff");
        staff.setPlaceholder(getTranslation("audit.filter.anyone"));
        staff.setItems(audit.staff());
        staff.setItemLabelGenerator(Person::name);
        staff.setClearButtonVisible(true);

        client.setLabel(getTranslation("audit.filter.client"));
        client.setId("audit-client");
        client.setPlaceholder(getTranslation("audit.filter.anyone"));
        client.setItems(query -> audit.clients(query.getFilter().orElse(null), query.getOffset(), query.getLimit()).stream());
        client.setItemLabelGenerator(Person::name);
        client.setClearButtonVisible(true);

        what.setLabel(getTranslation("audit.filter.what"));
        what.setId("audit-what");
        what.setPlaceholder(getTranslation("audit.filter.everything"));
        what.setItems(choices());
        what.setItemLabelGenerator(w -> w.action() == null ? getTranslation("audit.kind." + w.kind().name())
                : getTranslation(w.action().messageKey()));
        what.setClearButtonVisible(true);

        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        localize(from);
        localize(to);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        clear.setText(getTranslation("audit.filter.clear"));
        clear.setId("audit-clear");
        clear.addThemeVariants(ButtonVariant.TERTIARY);
        clear.addClickListener(e -> {
            staff.clear();
            client.clear();
            what.clear();
            from.clear();
            to.clear();
            apply();
        });
        staff.addValueChangeListener(e -> apply());
        client.addValueChangeListener(e -> apply());
        what.addValueChangeListener(e -> apply());
        from.addValueChangeListener(e -> apply());
        to.addValueChangeListener(e -> apply());

        Div filters = new Div(staff, client, what, from, to, clear);
        filters.addClassName("audit-filters");
        filters.getElement().setAttribute("role", "search");
        filters.getElement().setAttribute("aria-label", getTranslation("audit.filters"));

        count.setId("audit-count");
        count.addClassName("audit-count");
        count.getElement().setAttribute("aria-live", "polite");

        // streamed a page of records at a time, with the filters shown when the link is clicked
        download = new Anchor((DownloadHandler) event -> {
            event.setFileName("audit-trail.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                audit.exportCsv(filter, out, getLocale());
            }
        }, "");
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("audit.download")));
        download.setId("audit-download");
        download.addClassName("download-link");

        grid.setId("audit-grid");
        grid.addClassName("audit-grid");
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
        // on a phone the time column carries the others as lines (base.ui.PhoneColumns)
        PhoneColumns<AuditRow> phone = new PhoneColumns<>(grid);
        phone.first(r -> new Span(Dates.dateTime(r.occurredAt(), zone, getLocale()))).setHeader(getTranslation("audit.col.when"))
                .setKey("when").setAutoWidth(true).setFlexGrow(0);
        phone.foldedText(getTranslation("audit.col.who"), labels::actorWithRole).setKey("who").setFlexGrow(2);
        phone.foldedText(getTranslation("audit.col.what"), labels::action).setKey("what").setFlexGrow(3);
        phone.foldedText(getTranslation("audit.col.client"), labels::client).setKey("client").setFlexGrow(2);
        phone.foldedText(getTranslation("audit.col.object"), labels::object).setKey("object").setFlexGrow(1);
        phone.foldedText(getTranslation("audit.col.outcome"), labels::outcome).setKey("outcome").setAutoWidth(true);
        phone.foldedText(getTranslation("audit.col.detail"), labels::detail).setKey("detail").setFlexGrow(1);
        phone.foldedText(getTranslation("audit.col.ip"), labels::ip).setKey("ip").setAutoWidth(true);
        // a page of records at a time, straight from the trail: the same few statements for any page
        grid.setItems(query -> audit.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter)));
        Paragraph empty = new Paragraph(getTranslation("audit.count", 0));
        empty.addClassName("empty-state");
        grid.setEmptyStateComponent(empty);

        add(new H1(getTranslation("audit.title")), intro, filters, new Div(count, download), grid);
    }

    /** The address of this page filtered to one client and days, e.g. from a client's page. */
    public static QueryParameters link(UUID clientId, LocalDate fromDay, LocalDate toDay, AuditAction.Kind kind) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(CLIENT, clientId.toString());
        parameters.put(FROM, fromDay.toString());
        parameters.put(TO, toDay.toString());
        if (kind != null) {
            parameters.put(WHAT, kind.name());
        }
        return QueryParameters.simple(parameters);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        // the address says the whole filter (Vaadin reuses this view when only the query changes)
        settingUp = true;
        staff.clear();
        client.setValue(first(query, CLIENT).flatMap(AuditView::uuid).flatMap(audit::client).orElse(null));
        from.setValue(first(query, FROM).flatMap(AuditView::day).orElse(null));
        to.setValue(first(query, TO).flatMap(AuditView::day).orElse(null));
        what.setValue(first(query, WHAT).flatMap(kind -> Arrays.stream(AuditAction.Kind.values())
                .filter(k -> k.name().equals(kind)).findFirst()).map(k -> new What(k, null)).orElse(null));
        settingUp = false;
        apply();
    }

    /** Reads the filters, then the grid and the count show what matches. */
    private void apply() {
        if (settingUp) {
            return;
        }
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        to.setInvalid(false);
        if (start != null && end != null && end.isBefore(start)) {
            to.setErrorMessage(getTranslation("audit.filter.dates"));
            to.setInvalid(true);
            Forms.notifyError(getTranslation("audit.filter.dates"));
            return;
        }
        filter = new AuditFilter(staff.getValue() == null ? null : staff.getValue().id(),
                client.getValue() == null ? null : client.getValue().id(),
                what.getValue() == null ? Set.of() : what.getValue().actions(), start, end);
        count.setText(getTranslation("audit.count", audit.count(filter)));
        grid.getDataProvider().refreshAll();
    }

    /** The kinds first ("Every time a client's record was opened"), then each action by its name. */
    private List<What> choices() {
        List<What> choices = new ArrayList<>();
        for (AuditAction.Kind kind : AuditAction.Kind.values()) {
            if (kind != AuditAction.Kind.PLATFORM) {
                choices.add(new What(kind, null));
            }
        }
        Arrays.stream(AuditAction.values()).filter(a -> a.kind() != AuditAction.Kind.PLATFORM)
                .sorted(Comparator.comparing(a -> getTranslation(a.messageKey())))
                .forEach(a -> choices.add(new What(a.kind(), a)));
        return choices;
    }

    /** Month and weekday names in the page's language, weeks starting on Monday. */
    private void localize(DatePicker picker) {
        Locale locale = Dates.formatLocale(getLocale());
        picker.setLocale(locale);
        List<DayOfWeek> sundayFirst = Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY)).toList();
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdays(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(sundayFirst.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setToday(getTranslation("client.date.today"))
                .setCancel(getTranslation("action.cancel")));
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · Homeward";
    }
}
