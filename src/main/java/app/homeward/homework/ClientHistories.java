package app.homeward.homework;

import app.homeward.base.NotFoundException;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetJson;
import app.homeward.worksheet.WorksheetVersions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a client's whole homework history; the services check who may ask (the client, or staff). */
@Component
class ClientHistories {

    private final AssignmentRepository assignments;
    private final AssignmentOptionRepository options;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ChangeRequestRepository changeRequests;
    private final SafetyAlertRepository alerts;
    private final WorksheetVersions versions;
    private final HomeworkSettingsLookup homeworkSettings;
    private final Clock clock;

    ClientHistories(AssignmentRepository assignments, AssignmentOptionRepository options,
                    OccurrenceRepository occurrences, EntryRepository entries, ChangeRequestRepository changeRequests,
                    SafetyAlertRepository alerts, WorksheetVersions versions, HomeworkSettingsLookup homeworkSettings, Clock clock) {
        this.assignments = assignments;
        this.options = options;
        this.occurrences = occurrences;
        this.entries = entries;
        this.changeRequests = changeRequests;
        this.alerts = alerts;
        this.versions = versions;
        this.homeworkSettings = homeworkSettings;
        this.clock = clock;
    }

    ClientHistory of(UUID clinicId, UUID clientId, String clientName) {
        Instant now = clock.instant();
        Duration grace = homeworkSettings.grace(clinicId);
        List<Assignment> plans = assignments.findByClientIdOrderByCreatedAtDesc(clientId).reversed();
        Map<UUID, Assignment> byId = plans.stream().collect(Collectors.toMap(Assignment::getId, Function.identity()));
        Map<UUID, List<String>> offered = new HashMap<>();
        if (!plans.isEmpty()) {
            options.findByAssignmentIdInOrderByPosition(byId.keySet()).forEach(o ->
                    offered.computeIfAbsent(o.getAssignmentId(), k -> new ArrayList<>()).add(o.getTitle()));
        }
        List<ClientHistory.Plan> planRecords = plans.stream().map(a -> {
            AssignmentPlan p = a.plan();
            return new ClientHistory.Plan(a.getId(), a.getTitle(), a.getRationale(), p.what(), p.when(), p.where(),
                    p.schedule(), p.obstacles(), p.obstacleOther(), p.backupPlan(), p.confidence(), p.difficulty(),
                    a.getStatus(), a.getCreatedAt(), a.getEndedAt(), a.getLadderTitle(), a.getLadderStep(),
                    a.getLadderSize(), offered.getOrDefault(a.getId(), List.of()), a.getWorksheetVersionId(),
                    a.isWorksheetBuiltIn());
        }).toList();

        List<Occurrence> all = occurrences.findByClientIdOrderByDueAt(clientId);
        Map<UUID, Occurrence> occurrenceById = all.stream().collect(Collectors.toMap(Occurrence::getId, Function.identity()));
        List<ClientHistory.OccurrenceRecord> occurrenceRecords = all.stream().map(o -> {
            Assignment a = byId.get(o.getAssignmentId());
            OccurrenceState state = a == null ? null : o.state(now, grace, a.schedule().zone());
            return new ClientHistory.OccurrenceRecord(o.getId(), o.getAssignmentId(), o.getDueAt(), o.getLocalDate(),
                    state, o.getCompletedAt());
        }).toList();

        Map<String, WorksheetDocument> documents = new HashMap<>();
        List<Entry> list = new ArrayList<>(entries.findByOccurrenceIdIn(occurrenceById.keySet()));
        list.sort(Comparator.comparing(Entry::getSavedAt));
        List<ClientHistory.EntryRecord> entryRecords = list.stream().filter(e -> e.getClientId().equals(clientId))
                .map(e -> {
                    Assignment a = byId.get(e.getAssignmentId());
                    if (a == null) {
                        throw new NotFoundException();
                    }
                    WorksheetDocument document = documents.computeIfAbsent(a.getWorksheetVersionId() + "/"
                            + a.isWorksheetBuiltIn(), k -> versions.document(a.getWorksheetVersionId(), a.isWorksheetBuiltIn()));
                    Reflection reflection = e.getPercentDone() == null ? null : new Reflection(e.getPercentDone(),
                            e.getReflectionDifficulty(), e.getReflectionHelpful(), e.getReflectionObstacles(),
                            e.getReflectionNote());
                    Occurrence o = occurrenceById.get(e.getOccurrenceId());
                    return new ClientHistory.EntryRecord(e.getId(), a.getId(), a.getTitle(), a.getWorksheetVersionId(),
                            a.isWorksheetBuiltIn(), document, o == null ? null : o.getDueAt(), e.getState(),
                            e.getSavedAt(), e.getSubmittedAt(), WorksheetJson.readAnswers(e.getAnswers()),
                            e.getScoreTotal(), e.getScoreBand(), reflection,
                            e.getReviewedAt() == null ? null : e.getFeedback(),
                            e.getReviewedAt() == null ? Map.of() : e.feedbackOnAnswers(),
                            e.getReviewedAt());
                }).toList();

        Map<UUID, String> titles = new HashMap<>();
        plans.forEach(a -> titles.put(a.getId(), a.getTitle()));
        List<ChangeRequestSummary> requests = changeRequests.findByClientIdOrderByCreatedAtDesc(clientId).reversed().stream()
                .map(r -> new ChangeRequestSummary(r.getId(), r.getAssignmentId(), titles.getOrDefault(r.getAssignmentId(), ""),
                        r.getReason(), r.getNote(), r.getCreatedAt(), r.getResolvedAt())).toList();
        List<AlertSummary> alertViews = alerts.findByClientIdOrderByRaisedAtDesc(clientId).reversed().stream()
                .map(a -> new AlertSummary(a.getId(), a.getClientId(), clientName, a.getEntryId(), a.getLabel(), a.getValue(),
                        a.getRaisedAt(), a.getAcknowledgedAt(), a.getNote())).toList();
        return new ClientHistory(planRecords, occurrenceRecords, entryRecords, requests, alertViews);
    }
}
