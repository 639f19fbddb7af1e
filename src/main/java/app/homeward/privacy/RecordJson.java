package app.homeward.privacy;

import app.homeward.client.ClientProfile;
import app.homeward.client.Goal;
import app.homeward.homework.ClientHistory;
import app.homeward.homework.Schedule;
import app.homeward.reminder.DeliveryLogEntry;
import app.homeward.reminder.ReminderRecords.ClientReminderRecord;
import app.homeward.security.AccountSummary;
import app.homeward.worksheet.Field;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The client's record as JSON (format "homeward-client-record", version 1): raw values for machines
 * (ids, ISO 8601 instants in UTC, answers exactly as stored) and, beside each answer, its question and
 * the answer as a person reads it, with the labels of the worksheet version the entry used.
 */
final class RecordJson {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RecordJson() {
    }

    static byte[] write(ClientRecord record, Texts texts) {
        return MAPPER.writeValueAsString(tree(record, texts)).getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, Object> tree(ClientRecord record, Texts texts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "homeward-client-record");
        root.put("formatVersion", 1);
        root.put("exportedAt", s(record.exportedAt()));
        root.put("clinic", map("id", s(record.clinic().id()), "name", record.clinic().name(), "slug", record.clinic().slug()));
        ClientProfile p = record.details().profile();
        root.put("client", map("id", s(p.id()), "name", p.displayName(), "email", p.email(),
                "timeZone", p.timeZone().getId(), "language", p.language(), "status", s(p.status()),
                "nextSession", s(p.nextSession()), "simplifiedMode", p.simplified(), "therapistId", s(p.therapistId()),
                "createdAt", s(p.createdAt()), "lastActivityAt", s(p.lastActivityAt())));
        AccountSummary a = record.account();
        root.put("account", a == null ? null : map("id", s(a.id()), "email", a.email(), "name", a.displayName(),
                "status", s(a.status()), "language", a.language(), "createdAt", s(a.createdAt()),
                "lastSignInAt", s(a.lastSignInAt())));
        List<Object> goals = new ArrayList<>();
        for (Goal g : record.details().goals()) {
            goals.add(map("id", s(g.id()), "text", g.text(), "status", s(g.status()), "createdAt", s(g.createdAt())));
        }
        root.put("goals", goals);
        ClientHistory h = record.history();
        List<Object> plans = new ArrayList<>();
        for (ClientHistory.Plan plan : h.plans()) {
            Schedule sc = plan.schedule();
            plans.add(map("id", s(plan.id()), "title", plan.title(), "why", plan.rationale(), "what", plan.what(),
                    "when", plan.when(), "where", plan.where(),
                    "schedule", map("kind", s(sc.kind()), "start", s(sc.start()), "end", s(sc.end()), "times", sc.times(),
                            "timeOfDay", s(sc.timeOfDay()), "weekdays", sc.weekdays().stream().map(Enum::name).sorted().toList(),
                            "everyDays", sc.everyDays(), "timeZone", sc.zone().getId()),
                    "obstacles", plan.obstacles().stream().map(Enum::name).sorted().toList(),
                    "obstacleOther", plan.obstacleOther(), "backupPlan", plan.backupPlan(),
                    "confidence", plan.confidence(), "difficulty", plan.difficulty(), "status", s(plan.status()),
                    "createdAt", s(plan.createdAt()), "endedAt", s(plan.endedAt()),
                    "ladder", plan.ladderTitle() == null ? null
                            : map("title", plan.ladderTitle(), "step", plan.ladderStep(), "steps", plan.ladderSize()),
                    "optionsOffered", plan.optionsOffered(),
                    "worksheetVersion", s(plan.worksheetVersionId()), "builtInWorksheet", plan.worksheetBuiltIn()));
        }
        root.put("plans", plans);
        List<Object> occurrences = new ArrayList<>();
        for (ClientHistory.OccurrenceRecord o : h.occurrences()) {
            occurrences.add(map("id", s(o.id()), "planId", s(o.planId()), "dueAt", s(o.dueAt()), "day", s(o.localDate()),
                    "state", s(o.state()), "completedAt", s(o.completedAt())));
        }
        root.put("occurrences", occurrences);
        List<Object> entries = new ArrayList<>();
        for (ClientHistory.EntryRecord e : h.entries()) {
            List<Object> labelled = new ArrayList<>();
            for (Field field : e.document().fields()) {
                if (!field.answerable() || !AnswerText.answered(e.answers().get(field.key()))) {
                    continue;
                }
                Object value = e.answers().get(field.key());
                Map<String, Object> item = map("fieldId", field.key(), "question", field.label(),
                        "type", field.type().name().toLowerCase(Locale.ROOT), "value", value);
                if (AnswerText.isGrid(field)) {
                    AnswerText.Grid grid = AnswerText.grid(field, value, texts);
                    item.put("columns", grid.headings());
                    item.put("rows", grid.rows());
                } else {
                    item.put("text", AnswerText.text(field, value, texts));
                }
                if (e.answerFeedback().containsKey(field.key())) {
                    item.put("feedback", e.answerFeedback().get(field.key()));
                }
                labelled.add(item);
            }
            entries.add(map("id", s(e.id()), "planId", s(e.planId()), "title", e.title(),
                    "worksheet", map("title", e.document().title(), "version", s(e.worksheetVersionId()),
                            "builtIn", e.worksheetBuiltIn(), "fhirQuestionnaire", e.submitted()
                                    ? "fhir/Questionnaire-" + e.worksheetVersionId() + ".json" : null),
                    "dueAt", s(e.dueAt()), "state", s(e.state()), "savedAt", s(e.savedAt()),
                    "submittedAt", s(e.submittedAt()), "score", e.score(), "band", e.band(),
                    "answers", e.answers(), "answersLabelled", labelled,
                    "reflection", e.reflection() == null ? null : map("percentDone", e.reflection().percentDone(),
                            "difficulty", e.reflection().difficulty(), "helpful", e.reflection().helpful(),
                            "obstacles", e.reflection().obstacles().stream().map(Enum::name).sorted().toList(),
                            "note", e.reflection().note()),
                    "feedback", e.feedback(), "reviewedAt", s(e.reviewedAt())));
        }
        root.put("entries", entries);
        List<Object> measures = new ArrayList<>();
        for (ClientHistory.EntryRecord e : h.entries()) {
            if (e.submitted() && e.score() != null) {
                measures.add(map("title", e.title(), "entryId", s(e.id()), "submittedAt", s(e.submittedAt()),
                        "score", e.score(), "band", e.band()));
            }
        }
        root.put("measureScores", measures);
        List<Object> requests = new ArrayList<>();
        h.changeRequests().forEach(r -> requests.add(map("id", s(r.id()), "planId", s(r.assignmentId()),
                "reason", s(r.reason()), "note", r.note(), "createdAt", s(r.createdAt()), "resolvedAt", s(r.resolvedAt()))));
        root.put("changeRequests", requests);
        List<Object> alerts = new ArrayList<>();
        h.alerts().forEach(al -> alerts.add(map("id", s(al.id()), "entryId", s(al.entryId()), "label", al.label(),
                "value", al.value(), "raisedAt", s(al.raisedAt()), "acknowledgedAt", s(al.acknowledgedAt()),
                "note", al.note())));
        root.put("safetyAlerts", alerts);
        ClientReminderRecord r = record.reminders();
        List<Object> deliveries = new ArrayList<>();
        for (DeliveryLogEntry d : r.deliveries()) {
            deliveries.add(map("id", s(d.id()), "kind", s(d.kind()), "dueAt", s(d.dueAt()), "state", s(d.state()),
                    "sentAt", s(d.sentAt()), "attempts", d.attempts(), "reason", d.reason()));
        }
        root.put("reminders", map("enabled", r.enabled(), "ownChoice", r.ownChoice(),
                "preferredTime", s(r.preferredTime()), "quietHoursStart", s(r.quietHours().start()),
                "quietHoursEnd", s(r.quietHours().end()), "unsubscribedAt", s(r.unsubscribedAt()),
                "plans", r.plans().stream().map(pc -> map("planId", s(pc.assignmentId()), "enabled", pc.enabled(),
                        "time", s(pc.time()))).toList(),
                "deliveries", deliveries));
        root.put("erasureRequests", record.erasures().stream().map(er -> map("id", s(er.id()), "state", s(er.state()),
                "requestedAt", s(er.requestedAt()), "confirmedAt", s(er.confirmedAt()), "eraseOn", s(er.eraseOn()),
                "withdrawnAt", s(er.withdrawnAt()))).toList());
        return root;
    }

    /** A map that keeps its order and allows nulls (absent facts are written as null, not left out). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String s(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
