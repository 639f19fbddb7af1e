package app.homeward.worksheet;

import app.homeward.base.DatabaseReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads the worksheets that ship with Homeward ({@code classpath:worksheets/built-in/*.yaml}) into
 * the database at start-up. Idempotent: a file whose content is unchanged adds nothing, a changed
 * file adds the next version number (older versions stay for the assignments that use them).
 * A file that does not pass the publishing checks is skipped with an error in the log; a test
 * keeps every shipped file valid.
 */
@Component
class BuiltInLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInLibrary.class);
    static final String LOCATION = "classpath:worksheets/built-in/*.yaml";

    private final BuiltInWorksheetRepository builtIns;
    private final TransactionTemplate tx;
    private final Clock clock;

    BuiltInLibrary(BuiltInWorksheetRepository builtIns, TransactionTemplate tx, Clock clock) {
        this.builtIns = builtIns;
        this.clock = clock;
        this.tx = tx;
    }

    // before the tenants/ import (order 10), whose demo homework uses built-ins
    @EventListener(DatabaseReady.class)
    @Order(5)
    public void onDatabaseReady() {
        int added = load();
        LOG.info("built-in worksheet library ready: {} new version(s)", added);
    }

    /** Loads every file; returns how many new versions were stored. */
    int load() {
        int added = 0;
        for (ShippedWorksheet shipped : read()) {
            try {
                Boolean stored = tx.execute(status -> store(shipped));
                if (Boolean.TRUE.equals(stored)) {
                    added++;
                }
            } catch (DataIntegrityViolationException raced) {
                // another node stored the same version a moment ago: that is the outcome we wanted
                LOG.debug("built-in {} already stored by another node", shipped.slug());
            }
        }
        return added;
    }

    private boolean store(ShippedWorksheet shipped) {
        var latest = builtIns.findFirstBySlugOrderByNumberDesc(shipped.slug());
        if (latest.isPresent() && latest.get().getContentHash().equals(shipped.hash())) {
            return false;
        }
        int number = latest.map(b -> b.getNumber() + 1).orElse(1);
        builtIns.saveAndFlush(new BuiltInWorksheet(shipped.slug(), number, shipped.hash(),
                shipped.document().title(), shipped.json(), clock.instant()));
        return true;
    }

    /** The shipped files, parsed and checked. */
    static List<ShippedWorksheet> read() {
        List<ShippedWorksheet> result = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String file = Objects.requireNonNull(resource.getFilename());
                String slug = file.substring(0, file.length() - ".yaml".length());
                try (InputStream in = resource.getInputStream()) {
                    WorksheetDocument document = parse(in);
                    List<TemplateProblem> problems = document.problems(true);
                    if (!problems.isEmpty()) {
                        LOG.error("built-in worksheet {} skipped: {}", slug, problems);
                        continue;
                    }
                    String json = WorksheetJson.write(document);
                    result.add(new ShippedWorksheet(slug, document, json, sha256(json)));
                } catch (RuntimeException | IOException e) {
                    LOG.error("built-in worksheet {} skipped: {}", slug, e.toString());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the built-in worksheets", e);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static WorksheetDocument parse(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        Object tree = new Yaml(new SafeConstructor(options)).load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a worksheet document");
        }
        return WorksheetJson.fromTree((Map<String, Object>) map);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The packs shipped in worksheets/packs.yaml, keeping only worksheets that exist. */
    static List<Pack> packs() {
        try (InputStream in = new org.springframework.core.io.ClassPathResource("worksheets/packs.yaml").getInputStream()) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            java.util.Set<String> shipped = new java.util.HashSet<>();
            read().forEach(w -> shipped.add(w.slug()));
            List<Pack> packs = new ArrayList<>();
            for (Object item : (List<?>) tree) {
                Map<?, ?> pack = (Map<?, ?>) item;
                List<String> slugs = ((List<?>) pack.get("worksheets")).stream().map(String::valueOf)
                        .filter(shipped::contains).toList();
                packs.add(new Pack(String.valueOf(pack.get("key")), slugs));
            }
            return List.copyOf(packs);
        } catch (IOException | RuntimeException e) {
            LOG.error("worksheet packs could not be read: {}", e.toString());
            return List.of();
        }
    }

    record ShippedWorksheet(String slug, WorksheetDocument document, String json, String hash) {
    }
}
