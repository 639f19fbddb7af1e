package app.homeward.privacy;

import app.homeward.base.PdfFile;
import app.homeward.client.ClientProfile;
import app.homeward.client.Goal;
import app.homeward.homework.ClientHistory;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Schedule;
import app.homeward.reminder.DeliveryLogEntry;
import app.homeward.reminder.ReminderRecords.ClientReminderRecord;
import app.homeward.security.AccountSummary;
import app.homeward.worksheet.Field;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.homeward.base.PdfStyle.BODY;
import static app.homeward.base.PdfStyle.HEADER_BACKGROUND;
import static app.homeward.base.PdfStyle.HEADING;
import static app.homeward.base.PdfStyle.LABEL;
import static app.homeward.base.PdfStyle.SECTION;
import static app.homeward.base.PdfStyle.SMALL;
import static app.homeward.base.PdfStyle.TITLE;

/**
 * The client's record as a readable A4 PDF (OpenPDF, in the house style of the worksheet and homework
 * card PDFs), in the client's language and time zone: details, goals, plans, entries with answers under
 * their questions, feedback and reflections, change requests, safety alerts, measure scores over time,
 * reminder choices and the reminders sent.
 */
final class RecordPdf {

    private RecordPdf() {
    }

    static byte[] write(ClientRecord record, Texts t) {
        ClientProfile p = record.details().profile();
        return PdfFile.write(PageSize.A4, 48, t.t("privacy.pdf.title", p.displayName()), "could not write the record PDF",
                pdf -> {
            pdf.add(new Paragraph(record.clinic().name(), SMALL));
            pdf.add(new Paragraph(t.t("privacy.pdf.title", p.displayName()), TITLE));
            pdf.add(new Paragraph(t.t("privacy.pdf.intro", t.dateTime(record.exportedAt()), p.timeZone().getId()), SMALL));

            section(pdf, t.t("privacy.pdf.details"));
            AccountSummary a = record.account();
            facts(pdf, t, List.of(
                    fact(t.t("privacy.pdf.name"), p.displayName()),
                    fact(t.t("privacy.pdf.email"), p.email()),
                    fact(t.t("privacy.pdf.time-zone"), p.timeZone().getId()),
                    fact(t.t("privacy.pdf.language"), t.t("language." + p.language())),
                    fact(t.t("privacy.pdf.status"), t.t("client.status." + p.status().name().toLowerCase(Locale.ROOT))),
                    fact(t.t("privacy.pdf.client-since"), t.date(p.createdAt())),
                    fact(t.t("privacy.pdf.next-session"), t.date(p.nextSession())),
                    fact(t.t("privacy.pdf.simplified"), t.yesNo(p.simplified())),
                    fact(t.t("privacy.pdf.account-created"), a == null ? t.t("privacy.pdf.no-account") : t.dateTime(a.createdAt())),
                    fact(t.t("privacy.pdf.last-sign-in"), a == null ? "" : t.dateTime(a.lastSignInAt()))));

            section(pdf, t.t("privacy.pdf.goals"));
            if (record.details().goals().isEmpty()) {
                none(pdf, t);
            }
            for (Goal g : record.details().goals()) {
                pdf.add(new Paragraph("• " + g.text() + "  (" + t.t("privacy.goal-status." + g.status().name()) + ", "
                        + t.date(g.createdAt()) + ")", BODY));
            }

            ClientHistory h = record.history();
            section(pdf, t.t("privacy.pdf.plans"));
            if (h.plans().isEmpty()) {
                none(pdf, t);
            }
            for (ClientHistory.Plan plan : h.plans()) {
                heading(pdf, plan.title());
                String status = t.t("privacy.plan-status." + plan.status().name()) + " · " + t.t("privacy.pdf.since",
                        t.date(plan.createdAt())) + (plan.endedAt() == null ? "" : " · " + t.t("privacy.pdf.ended", t.date(plan.endedAt())));
                pdf.add(new Paragraph(status, SMALL));
                if (plan.ladderTitle() != null) {
                    pdf.add(new Paragraph(t.t("privacy.pdf.ladder-step", plan.ladderStep(), plan.ladderSize(), plan.ladderTitle()), SMALL));
                }
                if (!plan.optionsOffered().isEmpty()) {
                    labelled(pdf, t.t("privacy.pdf.options"), String.join(", ", plan.optionsOffered()));
                }
                labelled(pdf, t.t("worksheet.why"), plan.rationale());
                labelled(pdf, t.t("portal.plan.what"), plan.what());
                labelled(pdf, t.t("portal.plan.when"), plan.when());
                labelled(pdf, t.t("portal.plan.where"), plan.where());
                labelled(pdf, t.t("privacy.pdf.schedule"), schedule(plan.schedule(), t));
                String obstacles = plan.obstacles().stream().sorted()
                        .map(o -> o == Obstacle.OTHER && !plan.obstacleOther().isBlank() ? plan.obstacleOther() : t.t(o.messageKey()))
                        .collect(Collectors.joining(", "));
                labelled(pdf, t.t("portal.plan.obstacles"), obstacles);
                labelled(pdf, t.t("portal.plan.backup"), plan.backupPlan());
                labelled(pdf, t.t("privacy.pdf.confidence"), plan.confidence() + " / 10");
            }

            section(pdf, t.t("privacy.pdf.entries"));
            if (h.entries().isEmpty()) {
                none(pdf, t);
            }
            for (ClientHistory.EntryRecord e : h.entries()) {
                entry(pdf, e, t);
            }

            section(pdf, t.t("privacy.pdf.measures"));
            Map<String, List<ClientHistory.EntryRecord>> measures = h.entries().stream()
                    .filter(e -> e.submitted() && e.score() != null)
                    .collect(Collectors.groupingBy(ClientHistory.EntryRecord::title, TreeMap::new, Collectors.toList()));
            if (measures.isEmpty()) {
                none(pdf, t);
            }
            for (var measure : measures.entrySet()) {
                heading(pdf, measure.getKey());
                pdf.add(table(List.of(t.t("privacy.pdf.date"), t.t("privacy.pdf.score"), t.t("privacy.pdf.band")),
                        measure.getValue().stream().map(e -> List.of(t.dateTime(e.submittedAt()), String.valueOf(e.score()),
                                e.band() == null ? "" : e.band())).toList()));
            }

            section(pdf, t.t("privacy.pdf.changes"));
            if (h.changeRequests().isEmpty()) {
                none(pdf, t);
            }
            for (var r : h.changeRequests()) {
                heading(pdf, r.assignmentTitle());
                pdf.add(new Paragraph(t.dateTime(r.createdAt()) + " · "
                        + t.t("portal.change.reason." + r.reason().name().toLowerCase(Locale.ROOT))
                        + (r.resolvedAt() == null ? "" : " · " + t.t("privacy.pdf.resolved", t.date(r.resolvedAt()))), SMALL));
                labelled(pdf, t.t("privacy.pdf.note"), r.note());
            }

            section(pdf, t.t("privacy.pdf.alerts"));
            if (h.alerts().isEmpty()) {
                none(pdf, t);
            }
            for (var alert : h.alerts()) {
                pdf.add(new Paragraph(t.dateTime(alert.raisedAt()) + " · " + alert.label() + " (" + alert.value() + ")"
                        + (alert.acknowledgedAt() == null ? "" : " · " + t.t("privacy.pdf.acknowledged", t.dateTime(alert.acknowledgedAt()))), BODY));
                labelled(pdf, t.t("privacy.pdf.note"), alert.note());
            }

            section(pdf, t.t("privacy.pdf.reminders"));
            reminders(pdf, record.reminders(), h, t);

            if (!record.erasures().isEmpty()) {
                section(pdf, t.t("privacy.pdf.erasure"));
                for (ErasureView er : record.erasures()) {
                    pdf.add(new Paragraph(t.t(er.state().messageKey()) + " · " + t.t("privacy.pdf.requested", t.dateTime(er.requestedAt()))
                            + (er.eraseOn() == null ? "" : " · " + t.t("privacy.pdf.erase-on", t.date(er.eraseOn()))), BODY));
                }
            }
        });
    }

    private static void entry(Document pdf, ClientHistory.EntryRecord e, Texts t) throws DocumentException {
        heading(pdf, e.title());
        String when = e.submitted() ? t.t("privacy.pdf.sent", t.dateTime(e.submittedAt()))
                : t.t("privacy.pdf.draft", t.dateTime(e.savedAt()));
        if (e.dueAt() != null) {
            when = t.t("privacy.pdf.due", t.dateTime(e.dueAt())) + " · " + when;
        }
        if (e.score() != null) {
            when = when + " · " + t.t("privacy.pdf.scored", e.score(), e.band() == null ? "" : e.band());
        }
        pdf.add(new Paragraph(when, SMALL));
        for (Field field : e.document().fields()) {
            Object value = e.answers().get(field.key());
            if (!field.answerable() || !AnswerText.answered(value)) {
                continue;
            }
            if (AnswerText.isGrid(field)) {
                Paragraph question = new Paragraph(field.label(), LABEL);
                question.setSpacingBefore(4);
                pdf.add(question);
                AnswerText.Grid grid = AnswerText.grid(field, value, t);
                if (grid.headings().size() > WIDEST_TABLE) {
                    // a thought record's ten columns on a page's width break words mid-way: one block per row
                    for (int row = 0; row < grid.rows().size(); row++) {
                        pdf.add(new Paragraph(t.t("worksheet.table.row", row + 1), SMALL));
                        List<String> cells = grid.rows().get(row);
                        for (int i = 0; i < grid.headings().size() && i < cells.size(); i++) {
                            if (!cells.get(i).isBlank()) {
                                labelled(pdf, grid.headings().get(i), cells.get(i));
                            }
                        }
                    }
                } else {
                    pdf.add(table(grid.headings(), grid.rows()));
                }
            } else {
                labelled(pdf, field.label(), AnswerText.text(field, value, t));
            }
            String comment = e.answerFeedback().get(field.key());
            if (comment != null && !comment.isBlank()) {
                pdf.add(new Paragraph(t.t("privacy.pdf.comment", comment), SMALL));
            }
        }
        if (e.reflection() != null) {
            var r = e.reflection();
            StringBuilder text = new StringBuilder(t.t("privacy.pdf.done-percent", r.percentDone()));
            if (r.difficulty() != null) {
                text.append(" · ").append(t.t("privacy.pdf.difficulty", r.difficulty()));
            }
            if (r.helpful() != null) {
                text.append(" · ").append(t.t("privacy.pdf.helpful", r.helpful()));
            }
            if (!r.obstacles().isEmpty()) {
                text.append(" · ").append(r.obstacles().stream().sorted().map(o -> t.t(o.messageKey())).collect(Collectors.joining(", ")));
            }
            labelled(pdf, t.t("privacy.pdf.reflection"), text.toString());
            labelled(pdf, t.t("privacy.pdf.note"), r.note());
        }
        if (e.feedback() != null && !e.feedback().isBlank()) {
            labelled(pdf, t.t("privacy.pdf.feedback", t.date(e.reviewedAt())), e.feedback());
        }
    }

    private static void reminders(Document pdf, ClientReminderRecord r, ClientHistory h, Texts t) throws DocumentException {
        labelled(pdf, t.t("privacy.pdf.reminders-on"), t.yesNo(r.enabled()) + (r.ownChoice() ? "" : " (" + t.t("privacy.pdf.clinic-default") + ")"));
        if (r.preferredTime() != null) {
            labelled(pdf, t.t("privacy.pdf.preferred-time"), t.time(r.preferredTime()));
        }
        if (r.quietHours().start() != null) {
            labelled(pdf, t.t("privacy.pdf.quiet-hours"), t.time(r.quietHours().start()) + " – " + t.time(r.quietHours().end()));
        }
        if (r.unsubscribedAt() != null) {
            labelled(pdf, t.t("privacy.pdf.unsubscribed"), t.dateTime(r.unsubscribedAt()));
        }
        Map<UUID, String> titles = h.plans().stream()
                .collect(Collectors.toMap(ClientHistory.Plan::id, ClientHistory.Plan::title, (x, y) -> x));
        for (var plan : r.plans()) {
            labelled(pdf, titles.getOrDefault(plan.assignmentId(), ""), (plan.enabled() ? t.t("privacy.pdf.plan-reminders-on")
                    : t.t("privacy.pdf.plan-reminders-off")) + (plan.time() == null ? "" : " · " + t.time(plan.time())));
        }
        if (!r.deliveries().isEmpty()) {
            Paragraph sent = new Paragraph(t.t("privacy.pdf.deliveries"), LABEL);
            sent.setSpacingBefore(6);
            pdf.add(sent);
            Function<DeliveryLogEntry, List<String>> row = d -> List.of(t.dateTime(d.dueAt()),
                    t.t("delivery.kind." + d.kind().name()), t.t("delivery.state." + d.state().name()),
                    d.sentAt() == null ? "" : t.dateTime(d.sentAt()));
            pdf.add(table(List.of(t.t("privacy.pdf.due-column"), t.t("delivery.kind"), t.t("delivery.state"),
                    t.t("privacy.pdf.sent-column")), r.deliveries().stream().map(row).toList()));
        }
    }

    static String schedule(Schedule s, Texts t) {
        if (s == null || s.kind() == null || s.start() == null) {
            return "";
        }
        String time = t.time(s.timeOfDay());
        String start = t.date(s.start());
        if (s.kind() == Schedule.Kind.ONCE) {
            return t.t("schedule.text.once", start, time) + " (" + s.zone().getId() + ")";
        }
        String days = s.weekdays().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, t.locale()))
                .collect(Collectors.joining(", "));
        String rhythm = switch (s.kind()) {
            case DAILY -> t.t("schedule.text.daily", time);
            case WEEKDAYS -> t.t("schedule.text.weekdays", days, time);
            case EVERY_N_DAYS -> t.t("schedule.text.every", s.everyDays(), time);
            case ONCE -> "";
        };
        String text;
        if (s.end() != null && s.times() != null) {
            text = t.t("schedule.text.until-times", rhythm, start, t.date(s.end()), s.times());
        } else if (s.end() != null) {
            text = t.t("schedule.text.until", rhythm, start, t.date(s.end()));
        } else if (s.times() != null && s.times() == 1) {
            text = t.t("schedule.text.time-one", rhythm, start);
        } else {
            text = t.t("schedule.text.times", rhythm, start, s.times());
        }
        return text + " (" + s.zone().getId() + ")";
    }

    private record Fact(String label, String value) {
    }

    private static Fact fact(String label, String value) {
        return new Fact(label, value == null ? "" : value);
    }

    private static void facts(Document pdf, Texts t, List<Fact> facts) throws DocumentException {
        pdf.add(table(List.of(), facts.stream().map(f -> List.of(f.label(), f.value())).toList()));
    }

    private static void section(Document pdf, String title) throws DocumentException {
        Paragraph p = new Paragraph(title, SECTION);
        p.setSpacingBefore(18);
        p.setSpacingAfter(4);
        pdf.add(p);
    }

    private static void heading(Document pdf, String text) throws DocumentException {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        pdf.add(p);
    }

    private static void none(Document pdf, Texts t) throws DocumentException {
        pdf.add(new Paragraph(t.t("privacy.pdf.none"), SMALL));
    }

    private static void labelled(Document pdf, String label, String text) throws DocumentException {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph p = new Paragraph();
        String name = label.strip();
        p.add(new Phrase((name.endsWith(":") ? name : name + ":") + " ", LABEL));
        p.add(new Phrase(text, BODY));
        p.setSpacingBefore(2);
        pdf.add(p);
    }

    /** The most columns an answer table is printed as a table with; wider ones go row by row. */
    static final int WIDEST_TABLE = 5;

    private static PdfPTable table(List<String> headings, List<List<String>> rows) {
        int columns = Math.max(1, headings.isEmpty() ? rows.stream().mapToInt(List::size).max().orElse(1) : headings.size());
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        if (!headings.isEmpty()) {
            table.setHeaderRows(1);
            for (String heading : headings) {
                PdfPCell cell = new PdfPCell(new Phrase(heading, SMALL));
                cell.setBackgroundColor(HEADER_BACKGROUND);
                cell.setPadding(4);
                table.addCell(cell);
            }
        }
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                PdfPCell cell = new PdfPCell(new Phrase(i < row.size() ? row.get(i) : "", BODY));
                cell.setPadding(4);
                table.addCell(cell);
            }
        }
        return table;
    }
}
