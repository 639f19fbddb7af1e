package app.homeward.homework;

import app.homeward.worksheet.ReliableChange;
import app.homeward.worksheet.ScoreResult;
import app.homeward.worksheet.Scorer;
import app.homeward.worksheet.Scoring;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetVersions;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a client's measure histories from their submitted, scored entries, inside the caller's
 * transaction (the services that call it have checked who may see the client). Scores are grouped by the
 * title they were assigned under, each group read with the scoring of its latest version; subscale scores
 * are not stored, so they are computed again from the answers with the entry's own version.
 */
@Component
public class MeasureHistories {

    private final EntryRepository entries;
    private final AssignmentRepository assignments;
    private final WorksheetVersions versions;

    public MeasureHistories(EntryRepository entries, AssignmentRepository assignments, WorksheetVersions versions) {
        this.entries = entries;
        this.assignments = assignments;
        this.versions = versions;
    }

    public List<MeasureHistory> of(UUID clientId, ZoneId zone) {
        return of(Map.of(clientId, zone)).getOrDefault(clientId, List.of());
    }

    /** Every given client's histories (client → zone), from two queries whatever the number of clients. */
    public Map<UUID, List<MeasureHistory>> of(Map<UUID, ZoneId> clients) {
        if (clients.isEmpty()) {
            return Map.of();
        }
        List<Entry> scored = entries.findScoredFor(clients.keySet());
        if (scored.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Assignment> plans = assignments.findByIdIn(scored.stream().map(Entry::getAssignmentId).distinct().toList())
                .stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
        Map<UUID, WorksheetDocument> documents = new HashMap<>();
        Map<UUID, List<MeasureHistory>> result = new HashMap<>();
        scored.stream().collect(Collectors.groupingBy(Entry::getClientId, LinkedHashMap::new, Collectors.toList()))
                .forEach((client, list) -> result.put(client, histories(list, clients.get(client), plans, documents)));
        return result;
    }

    /**
     * One client's histories from their file, without reading entries and plans again: the scored entries in
     * the order they were sent, as {@link EntryRepository#findScoredFor} gives them.
     */
    public List<MeasureHistory> of(ClientFile file) {
        List<Entry> scored = file.submitted().reversed().stream().filter(e -> e.getScoreTotal() != null).toList();
        if (scored.isEmpty()) {
            return List.of();
        }
        return histories(scored, file.client().timeZone(), file.assignmentsById(), new HashMap<>());
    }

    private List<MeasureHistory> histories(List<Entry> scored, ZoneId zone, Map<UUID, Assignment> plans,
                                           Map<UUID, WorksheetDocument> documents) {
        Map<String, List<Entry>> byTitle = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Entry e : scored) {
            byTitle.computeIfAbsent(plans.get(e.getAssignmentId()).getTitle(), k -> new ArrayList<>()).add(e);
        }
        List<MeasureHistory> histories = new ArrayList<>();
        byTitle.forEach((title, list) -> {
            Function<Entry, WorksheetDocument> documentOf = e -> {
                Assignment plan = plans.get(e.getAssignmentId());
                return documents.computeIfAbsent(plan.getWorksheetVersionId(),
                        id -> versions.document(id, plan.isWorksheetBuiltIn()));
            };
            WorksheetDocument latest = documentOf.apply(list.getLast());
            Scoring scoring = latest.scoring();
            if (scoring == null) {
                return;
            }
            List<MeasureHistory.Point> points = new ArrayList<>();
            for (Entry e : list) {
                Map<String, Integer> subscales = new LinkedHashMap<>();
                if (!scoring.subscales().isEmpty()) {
                    ScoreResult result = Scorer.score(documentOf.apply(e), WorksheetJson.readAnswers(e.getAnswers()));
                    result.subscales().forEach(s -> subscales.put(s.key(), s.total()));
                }
                points.add(new MeasureHistory.Point(LocalDate.ofInstant(e.getSubmittedAt(), zone), e.getScoreTotal(),
                        e.getScoreBand(), subscales));
            }
            List<Integer> totals = points.stream().map(MeasureHistory.Point::total).toList();
            List<MeasureHistory.SubscaleHistory> subscales = scoring.subscales().stream().map(s -> {
                List<Integer> scores = points.stream().map(p -> p.subscales().get(s.key())).toList();
                return new MeasureHistory.SubscaleHistory(s, s.min(latest), s.max(latest), scores,
                        ReliableChange.of(s, scores));
            }).toList();
            histories.add(new MeasureHistory(title, scoring, scoring.min(latest), scoring.max(latest), points,
                    ReliableChange.of(scoring, totals), subscales));
        });
        return histories;
    }
}
