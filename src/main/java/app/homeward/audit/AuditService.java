package app.homeward.audit;

import app.homeward.base.Messages;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading the trail. A clinic admin reads their clinic's trail (Hibernate's tenant filter keeps every query
 * inside it): filtered, a page at a time, as CSV, and "who opened this record" for one client. The platform
 * operator reads the platform's trail. Names are looked up when read ({@link AuditPeople}), never stored.
 * A page of records costs the same few statements whatever its size: the records, their accounts' names,
 * their clients' names.
 */
@Service
public class AuditService {

    /** The most rows one call returns. */
    public static final int MAX_PAGE = 500;
    /** "Who looked at this record lately": the range the client page links to. */
    public static final int RECENT_DAYS = 90;
    static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final AuditRecordRepository records;
    private final List<AuditPeople> people;
    private final ClinicDirectory clinics;
    private final AuditTrail trail;
    private final Messages messages;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    AuditService(AuditRecordRepository records, List<AuditPeople> people, ClinicDirectory clinics, AuditTrail trail,
                 Messages messages, Clock clock, PlatformTransactionManager transactions) {
        this.records = records;
        this.people = List.copyOf(people);
        this.clinics = clinics;
        this.trail = trail;
        this.messages = messages;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One page of the clinic's trail, newest first. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditRow> search(AuditFilter filter, int offset, int limit) {
        return rows(page(filter, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE)), true);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        Range range = range(filter);
        return records.count(filter.actorId(), filter.clientId(), filter.actions().isEmpty(), codes(filter.actions()),
                range.from(), range.to());
    }

    /**
     * Who opened this client's record lately (views only), newest first, and the days the link to the whole
     * trail covers ("the last 90 days", in the clinic's calendar).
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public RecordAccess recentViews(UUID clientId, int limit) {
        LocalDate today = LocalDate.now(clock.withZone(clinics.currentTimeZone()));
        LocalDate from = today.minusDays(RECENT_DAYS);
        AuditFilter views = new AuditFilter(null, Objects.requireNonNull(clientId), AuditAction.Kind.VIEW.actions(),
                from, today);
        // every row is of this client, whose page asks: no client names to look up (one statement fewer on the page)
        return new RecordAccess(rows(page(views, 0, Math.clamp(limit, 1, MAX_PAGE)), false), from, today);
    }

    /** The latest views of a client's record, and the days "the last 90 days" covers. */
    public record RecordAccess(List<AuditRow> views, LocalDate from, LocalDate to) {
    }

    /** The clinic's staff (also deactivated), to filter by. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditPeople.Person> staff() {
        return source(AuditPeople.Kind.ACCOUNT).map(p -> p.find(null, 0, MAX_PAGE)).orElse(List.of());
    }

    /** The clinic's clients whose name contains the text, to filter by (a lazy list). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditPeople.Person> clients(String text, int offset, int limit) {
        return source(AuditPeople.Kind.CLIENT).map(p -> p.find(text, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE)))
                .orElse(List.of());
    }

    /** A client of the clinic, to show as the chosen filter; empty if there is none (or no longer). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Optional<AuditPeople.Person> client(UUID clientId) {
        return source(AuditPeople.Kind.CLIENT).map(p -> p.names(List.of(clientId)).get(clientId))
                .map(name -> new AuditPeople.Person(clientId, name));
    }

    /**
     * The filtered trail as CSV in the admin's language, times in the clinic's zone, names as they are now,
     * every cell safe to open in a spreadsheet; written a page at a time. The export is itself recorded.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, OutputStream out, Locale locale) {
        AuditLabels labels = new AuditLabels((key, arguments) -> messages.getTranslation(key, locale, arguments));
        ZoneId zone = clinics.currentTimeZone();
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            csv.write('\uFEFF'); // spreadsheets read the file as UTF-8 (accents in names)
            csv.write(AuditCsv.line(List.of("time", "who", "role", "what", "outcome", "client", "object", "detail",
                    "ip", "who_id", "client_id", "object_type", "object_id", "action_code", "email_hash").stream()
                    .map(column -> messages.getTranslation("audit.csv." + column, locale)).toList()));
            int offset = 0;
            List<AuditRow> page;
            do {
                page = rows(page(filter, offset, MAX_PAGE), true);
                for (AuditRow row : page) {
                    csv.write(AuditCsv.line(List.of(
                            CSV_TIME.format(row.occurredAt().atZone(zone)), labels.actor(row), labels.role(row),
                            labels.action(row), labels.outcome(row), labels.client(row), labels.object(row),
                            labels.detail(row), labels.ip(row), text(row.actorId()), text(row.clientId()),
                            Objects.toString(row.objectType(), ""), text(row.objectId()), row.actionCode(),
                            Objects.toString(row.subjectHash(), ""))));
                }
                offset += page.size();
            } while (page.size() == MAX_PAGE);
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trail.record(AuditEntry.of(AuditAction.AUDIT_EXPORTED).client(filter.clientId()));
    }

    /** The latest platform events (operators' sign-ins and actions), newest first, times in UTC. */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public List<AuditRow> platformEvents(int limit) {
        Map<UUID, String> clinicNames = clinics.all().stream()
                .collect(Collectors.toMap(ClinicBranding::id, ClinicBranding::name, (a, b) -> a));
        List<AuditRow> rows = TenantContext.callAs(AuditTrail.PLATFORM, () -> readOnly.execute(status ->
                rows(page(AuditFilter.all(), 0, Math.clamp(limit, 1, MAX_PAGE)), false)));
        return rows.stream().map(r -> "CLINIC".equals(r.objectType()) && clinicNames.containsKey(r.objectId())
                ? new AuditRow(r.id(), r.occurredAt(), r.actorId(), r.actorName(), r.actorRole(), r.actionCode(),
                r.outcome(), r.clientId(), r.clientName(), r.objectType(), r.objectId(), clinicNames.get(r.objectId()),
                r.detail(), r.ip(), r.subjectHash()) : r).toList();
    }

    // ------------------------------------------------------------------ reading

    private List<AuditRecord> page(AuditFilter filter, int offset, int limit) {
        Range range = range(filter);
        return records.search(filter.actorId(), filter.clientId(), filter.actions().isEmpty(), codes(filter.actions()),
                range.from(), range.to(), new OffsetPage(offset, limit));
    }

    /**
     * The records with the names of their people now: one query per kind of name, whatever the page's size.
     * {@code clientNames} false where no client's name is shown: the platform's page (clinics have no clients
     * there) and a client's own record access (every row is that client).
     */
    private List<AuditRow> rows(List<AuditRecord> page, boolean clientNames) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> accounts = names(AuditPeople.Kind.ACCOUNT, page.stream().map(AuditRecord::getActorId).toList());
        Map<UUID, String> clients = clientNames
                ? names(AuditPeople.Kind.CLIENT, page.stream().map(AuditRecord::getClientId).toList()) : Map.of();
        return page.stream().map(r -> new AuditRow(r.getId(), r.getOccurredAt(), r.getActorId(),
                r.getActorId() == null ? null : accounts.get(r.getActorId()), r.getActorRole(), r.getAction(),
                r.getOutcome(), r.getClientId(), r.getClientId() == null ? null : clients.get(r.getClientId()),
                r.getObjectType(), r.getObjectId(), null, r.getDetail(), r.getIp(), r.getSubjectHash())).toList();
    }

    private Map<UUID, String> names(AuditPeople.Kind kind, Collection<UUID> ids) {
        List<UUID> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return source(kind).map(p -> p.names(distinct)).orElseGet(HashMap::new);
    }

    private Optional<AuditPeople> source(AuditPeople.Kind kind) {
        return people.stream().filter(p -> p.kind() == kind).findFirst();
    }

    private record Range(Instant from, Instant to) {
    }

    /** The filter's days in the clinic's calendar, as instants: from the first day's start to the end of the last. */
    private Range range(AuditFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return new Range(null, null);
        }
        ZoneId zone = clinics.currentTimeZone();
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return new Range(from, to);
    }

    /** The stored codes of these actions; a placeholder when there are none (an empty IN list is not valid SQL everywhere). */
    private static Set<String> codes(Set<AuditAction> actions) {
        return actions.isEmpty() ? Set.of("-") : actions.stream().map(AuditAction::code).collect(Collectors.toSet());
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
