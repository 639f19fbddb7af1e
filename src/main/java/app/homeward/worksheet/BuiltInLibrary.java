package app.homeward.worksheet;

import app.homeward.base.DatabaseReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads the worksheets that ship with Homeward ({@code classpath:worksheets/built-in/*.yaml}) into
 * the database at start-up. Idempotent: a file whose content is unchanged adds nothing, a changed
 * file adds the next version number (older versions stay for the assignments that use them).
 * A file that does not pass the publishing checks is skipped with an error in the log; a test
 * keeps every shipped file valid.
 *
 * <p>Translations (decision 0035) live in a folder named after their language:
 * {@code built-in/es/thought-record.yaml} is the Spanish version of {@code built-in/thought-record.yaml}
 * and is stored under the slug {@code thought-record-es}, so the English slugs that URLs, the tenants/
 * files and assignments use never change. The folder is the link: a translation whose original is
 * missing, whose {@code language} is not its folder's, or whose fields or scoring differ from the
 * original's is skipped like any invalid file, so the two versions of a measure always score alike.
 */
@Component
class BuiltInLibrary {

    private static final Logger LOG = LoggerFactory.getLogger(BuiltInLibrary.class);
    static final String LOCATION = "classpath:worksheets/built-in/*.yaml";
    static final String TRANSLATIONS = "classpath:worksheets/built-in/*/*.yaml";

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

    /** The shipped files, parsed and checked: the originals first, then their translations. */
    static List<ShippedWorksheet> read() {
        List<ShippedWorksheet> originals = new ArrayList<>();
        List<ShippedWorksheet> result = new ArrayList<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (Resource resource : resolver.getResources(LOCATION)) {
                String slug = baseName(resource);
                ShippedWorksheet shipped = check(resource, slug, null);
                if (shipped != null) {
                    originals.add(shipped);
                }
            }
            result.addAll(originals);
            for (Resource resource : resolver.getResources(TRANSLATIONS)) {
                String original = baseName(resource);
                String language = folder(resource);
                ShippedWorksheet shipped = check(resource, original + "-" + language, original);
                if (shipped == null) {
                    continue;
                }
                List<String> problems = translationProblems(shipped, language,
                        originals.stream().filter(o -> o.slug().equals(original)).findFirst().orElse(null));
                if (problems.isEmpty()) {
                    result.add(shipped);
                } else {
                    LOG.error("built-in translation {} skipped: {}", shipped.slug(), problems);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the built-in worksheets", e);
        }
        return result;
    }

    private static ShippedWorksheet check(Resource resource, String slug, String translationOf) {
        try (InputStream in = resource.getInputStream()) {
            WorksheetDocument document = parse(in);
            List<FieldProblem> problems = document.problems(true);
            if (!problems.isEmpty()) {
                LOG.error("built-in worksheet {} skipped: {}", slug, problems);
                return null;
            }
            String json = WorksheetJson.write(document);
            return new ShippedWorksheet(slug, document, json, sha256(json), translationOf);
        } catch (RuntimeException | IOException e) {
            LOG.error("built-in worksheet {} skipped: {}", slug, e.toString());
            return null;
        }
    }

    /**
     * Why a translation may not stand for its original: it must exist, be in the folder's language,
     * and ask the same things (same field keys and types, in the same order, same choice values)
     * and score them the same way, so answers and scores compare across languages.
     */
    static List<String> translationProblems(ShippedWorksheet translation, String language, ShippedWorksheet original) {
        List<String> problems = new ArrayList<>();
        if (original == null) {
            problems.add("no original named " + translation.translationOf());
            return problems;
        }
        WorksheetDocument t = translation.document();
        WorksheetDocument o = original.document();
        if (!t.language().equals(language)) {
            problems.add("language is " + t.language() + ", folder is " + language);
        }
        if (!shape(t.fields()).equals(shape(o.fields()))) {
            problems.add("fields differ from the original");
        }
        if (!scoringShape(t.scoring()).equals(scoringShape(o.scoring()))) {
            problems.add("scoring differs from the original");
        }
        if (t.category() != o.category()) {
            problems.add("category differs from the original");
        }
        return problems;
    }

    /** The words a translation changes; everything else in a field or the scoring must stay as it is. */
    private static final List<String> WORDS = List.of("label", "help", "text", "minLabel", "midLabel", "maxLabel",
            "stepLabel", "ratingLabel", "unit", "message");

    /** What answers a field list accepts, without its words: keys, types, choice values, scores and limits. */
    private static String shape(List<Field> fields) {
        return withoutWords(WorksheetJson.tree(fields));
    }

    private static String scoringShape(Scoring scoring) {
        return scoring == null ? "" : withoutWords(WorksheetJson.tree(scoring));
    }

    private static String withoutWords(tools.jackson.databind.JsonNode node) {
        stripWords(node);
        return node.toString();
    }

    private static void stripWords(tools.jackson.databind.JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove(WORDS);
            object.values().forEach(BuiltInLibrary::stripWords);
        } else if (node != null && node.isArray()) {
            node.values().forEach(BuiltInLibrary::stripWords);
        }
    }

    private static String baseName(Resource resource) {
        String file = Objects.requireNonNull(resource.getFilename());
        return file.substring(0, file.length() - ".yaml".length());
    }

    private static String folder(Resource resource) {
        try {
            String[] parts = resource.getURL().getPath().split("/");
            return parts[parts.length - 2];
        } catch (IOException e) {
            throw new IllegalStateException("cannot locate " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    static WorksheetDocument parse(InputStream in) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        Object tree = new Yaml(new SafeConstructor(options)).load(new InputStreamReader(in, StandardCharsets.UTF_8));
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
        try (InputStream in = new ClassPathResource("worksheets/packs.yaml").getInputStream()) {
            Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> shipped = new HashSet<>();
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

    /** {@code translationOf} is the original's slug for a translation, null for an original. */
    record ShippedWorksheet(String slug, WorksheetDocument document, String json, String hash, String translationOf) {
    }
}
