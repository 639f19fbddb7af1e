package app.homeward.tenants;

import app.homeward.client.ClientService;
import app.homeward.clinic.Slugs;
import app.homeward.homework.HomeworkImport;
import app.homeward.homework.Obstacle;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.AccountDirectory;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.Contrast;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import app.homeward.base.DatabaseReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports declarative clinic definitions from {@code tenants/*.yaml} at start-up (when
 * {@code homeward.tenants.import} is on). Creates what is missing and never overwrites: a clinic or
 * account that already exists is left exactly as the app has it, so running twice changes nothing.
 */
@Component
class TenantImporter {

    private static final Logger LOG = LoggerFactory.getLogger(TenantImporter.class);

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final ClientService caseload;
    private final HomeworkImport homework;
    private final ClinicSafety safety;
    private final TransactionTemplate tx;
    private final boolean enabled;
    private final Path directory;

    TenantImporter(ClinicDirectory clinics, AccountDirectory accounts, ClientService caseload,
                   HomeworkImport homework, ClinicSafety safety, TransactionTemplate tx,
                   TenantsProperties settings) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.caseload = caseload;
        this.homework = homework;
        this.safety = safety;
        this.tx = tx;
        this.enabled = settings.enabled();
        this.directory = settings.directory();
    }

    @EventListener(DatabaseReady.class)
    @Order(10)
    public void importAll() throws IOException {
        if (!enabled) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            LOG.warn("tenants directory {} not found; nothing imported", directory.toAbsolutePath());
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            for (Path file : files) {
                try {
                    importFile(file);
                } catch (RuntimeException e) {
                    // one broken definition must not stop the service; the message names the field, never a password
                    LOG.error("tenants: could not import {}: {}", file.getFileName(), e.getMessage());
                }
            }
        }
    }

    void importFile(Path file) throws IOException {
        Map<String, Object> doc;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        String slug = Slugs.require(text(doc, "slug"));
        ClinicBranding clinic = clinics.findBySlug(slug).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            ClinicBranding created = TenantContext.callAs(id, () -> tx.execute(s -> clinics.create(id, slug,
                    text(doc, "name"), ZoneId.of(text(doc, "timeZone")), text(doc, "defaultLanguage"),
                    ClinicStatus.ACTIVE)));
            String accent = (String) doc.get("accentColor");
            if (accent != null && Contrast.isHexColour(accent)) {
                clinics.changeAccentColor(id, accent.toLowerCase(Locale.ROOT));
            }
            LOG.info("tenants: created clinic={}", id);
            return created;
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> crisisLines = (Map<String, Object>) doc.getOrDefault("crisisLines", Map.of());
        if (!crisisLines.isEmpty()) {
            Map<String, String> texts = new LinkedHashMap<>();
            crisisLines.forEach((language, text) -> texts.put(language, String.valueOf(text)));
            if (TenantContext.callAs(clinic.id(), () -> safety.importCrisisLines(texts))) {
                LOG.info("tenants: added crisis lines clinic={}", clinic.id());
            }
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> people = (List<Map<String, Object>>) doc.getOrDefault("accounts", List.of());
        TenantContext.runAs(clinic.id(), () -> people.forEach(person -> tx.executeWithoutResult(s -> {
            String email = text(person, "email");
            if (!accounts.exists(email)) {
                accounts.provision(email, text(person, "name"), Role.valueOf(text(person, "role")), true,
                        text(person, "password"));
                LOG.info("tenants: created a {} account clinic={}", person.get("role"), clinic.id());
            }
        })));
        // clients join their therapist's caseload once every account exists
        TenantContext.runAs(clinic.id(), () -> people.stream().filter(p -> p.get("therapist") != null)
                .forEach(person -> tx.executeWithoutResult(s -> {
                    UUID account = accounts.idOf(text(person, "email")).orElseThrow();
                    UUID therapist = accounts.idOf(text(person, "therapist"))
                            .orElseThrow(() -> new IllegalArgumentException("tenants: unknown therapist"));
                    caseload.importClient(account, text(person, "email"), text(person, "name"), therapist,
                            String.valueOf(person.getOrDefault("timeZone", text(doc, "timeZone"))),
                            String.valueOf(person.getOrDefault("language", text(doc, "defaultLanguage"))));
                })));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plans = (List<Map<String, Object>>) doc.getOrDefault("homework", List.of());
        TenantContext.runAs(clinic.id(), () -> plans.forEach(plan -> {
            UUID account = accounts.idOf(text(plan, "client")).orElseThrow(
                    () -> new IllegalArgumentException("tenants: unknown client in homework"));
            @SuppressWarnings("unchecked")
            List<String> obstacles = (List<String>) plan.getOrDefault("obstacles", List.of());
            if (plan.containsKey("scores")) {
                // a measure with the weeks behind the client filled in (null: missed), for the adherence pages
                @SuppressWarnings("unchecked")
                List<Object> scores = (List<Object>) plan.get("scores");
                if (homework.importMeasureHistory(account, text(plan, "worksheet"), text(plan, "title"),
                        text(plan, "rationale"), LocalTime.parse(text(plan, "time")),
                        Integer.parseInt(text(plan, "everyDays")), Integer.parseInt(text(plan, "startedDaysAgo")),
                        Integer.parseInt(text(plan, "times")),
                        scores.stream().map(v -> v == null ? null : Integer.valueOf(String.valueOf(v))).toList(),
                        Integer.parseInt(text(plan, "confidence")), Integer.parseInt(text(plan, "difficulty")))) {
                    LOG.info("tenants: assigned demo measure with history clinic={}", clinic.id());
                }
                return;
            }
            boolean made = homework.importAssignment(account, text(plan, "worksheet"), text(plan, "title"),
                    text(plan, "rationale"), String.valueOf(plan.getOrDefault("what", "")),
                    String.valueOf(plan.getOrDefault("when", "")), String.valueOf(plan.getOrDefault("where", "")),
                    LocalTime.parse(text(plan, "time")), Integer.parseInt(text(plan, "days")),
                    obstacles.stream().map(Obstacle::valueOf)
                            .collect(Collectors.toSet()),
                    String.valueOf(plan.getOrDefault("backupPlan", "")), Integer.parseInt(text(plan, "confidence")),
                    Integer.parseInt(text(plan, "difficulty")));
            if (made) {
                LOG.info("tenants: assigned demo homework clinic={}", clinic.id());
            }
        }));
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("tenants: missing '" + key + "'");
        }
        return value.toString();
    }
}
