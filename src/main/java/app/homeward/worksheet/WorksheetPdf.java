package app.homeward.worksheet;

import app.homeward.base.PdfFile;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * A blank worksheet as a printable A4 PDF (OpenPDF): title, "why this helps", then every field
 * with room to write: lines for text, boxes for choices, the scale's numbers, an empty grid for
 * tables and ladders. For clients who prefer paper, and for the session itself.
 */
public final class WorksheetPdf {

    /** The words the PDF needs, translated by the caller: {@code Map.of("worksheet.why", "Why this helps", ...)}. */
    public static final List<String> LABEL_KEYS = List.of("worksheet.why", "worksheet.yes", "worksheet.no",
            "worksheet.ladder.step", "worksheet.ladder.rating", "worksheet.duration.hours-short",
            "worksheet.duration.minutes-short", "worksheet.pdf.name", "worksheet.pdf.date");

    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, new Color(0x1a, 0x2b, 0x3c));
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10.5f, Font.NORMAL);
    private static final Font HELP = new Font(Font.HELVETICA, 9, Font.ITALIC, new Color(0x55, 0x55, 0x55));
    private static final Font SMALL = new Font(Font.HELVETICA, 8.5f, Font.NORMAL);
    private static final int BLANK_ROWS = 6;

    private WorksheetPdf() {
    }

    public static byte[] blank(WorksheetDocument worksheet, Map<String, String> labels) {
        return PdfFile.write(PageSize.A4, 48, worksheet.title(), "could not write the worksheet PDF", pdf -> {
            pdf.add(new Paragraph(worksheet.title(), TITLE));
            pdf.add(new Paragraph(label(labels, "worksheet.pdf.name") + " ______________________________    "
                    + label(labels, "worksheet.pdf.date") + " ______________", SMALL));
            if (!worksheet.rationale().isBlank()) {
                pdf.add(spaced(new Paragraph(label(labels, "worksheet.why"), HEADING), 12));
                pdf.add(new Paragraph(worksheet.rationale(), BODY));
            }
            for (Field field : worksheet.fields()) {
                addField(pdf, field, labels);
            }
        });
    }

    private static void addField(Document pdf, Field field, Map<String, String> labels) throws DocumentException {
        if (!field.label().isBlank()) {
            pdf.add(spaced(new Paragraph(field.label() + (field.required() ? " *" : ""), HEADING), 14));
        }
        if (!field.help().isBlank()) {
            pdf.add(new Paragraph(field.help(), HELP));
        }
        switch (field) {
            case FieldTypes.Instructions instructions -> {
                for (String block : instructions.text().strip().split("\\R\\s*\\R")) {
                    pdf.add(spaced(new Paragraph(block.replaceAll("(?m)^\\s*[-*] ", "• "), BODY), 6));
                }
            }
            case FieldTypes.ShortText ignored -> lines(pdf, 1);
            case FieldTypes.LongText ignored -> lines(pdf, 4);
            case FieldTypes.NumberInput number -> pdf.add(new Paragraph("________ " + number.unit(), BODY));
            case FieldTypes.RatingScale scale -> pdf.add(scale(scale));
            case FieldTypes.SingleChoice choice -> boxes(pdf, choice.options());
            case FieldTypes.MultipleChoice choice -> boxes(pdf, choice.options());
            case FieldTypes.Checklist checklist -> boxes(pdf, checklist.items());
            case FieldTypes.YesNo ignored -> pdf.add(new Paragraph("[  ] " + label(labels, "worksheet.yes") + "      [  ] "
                    + label(labels, "worksheet.no"), BODY));
            case FieldTypes.DateInput ignored -> pdf.add(new Paragraph("____ / ____ / ________", BODY));
            case FieldTypes.TimeInput ignored -> pdf.add(new Paragraph("____ : ____", BODY));
            case FieldTypes.DurationInput ignored -> pdf.add(new Paragraph("____ " + label(labels, "worksheet.duration.hours-short")
                    + "  ____ " + label(labels, "worksheet.duration.minutes-short"), BODY));
            case FieldTypes.Table table -> pdf.add(grid(table.columns().stream().map(Field::label).toList(), BLANK_ROWS));
            case FieldTypes.StepLadder ladder -> pdf.add(grid(List.of(
                    ladder.stepLabel().isBlank() ? label(labels, "worksheet.ladder.step") : ladder.stepLabel(),
                    (ladder.ratingLabel().isBlank() ? label(labels, "worksheet.ladder.rating") : ladder.ratingLabel())
                            + " (" + ladder.ratingMin() + "–" + ladder.ratingMax() + ")"), 10));
        }
    }

    private static Paragraph spaced(Paragraph paragraph, float before) {
        paragraph.setSpacingBefore(before);
        return paragraph;
    }

    private static void lines(Document pdf, int count) throws DocumentException {
        for (int i = 0; i < count; i++) {
            Paragraph line = new Paragraph(new Chunk("_".repeat(86), BODY));
            line.setSpacingBefore(6);
            pdf.add(line);
        }
    }

    private static void boxes(Document pdf, List<FieldTypes.Option> options) throws DocumentException {
        for (FieldTypes.Option option : options) {
            pdf.add(new Paragraph("[  ]  " + option.label(), BODY));
        }
    }

    private static PdfPTable scale(FieldTypes.RatingScale scale) {
        int points = scale.max() - scale.min() + 1;
        if (points > 11) {
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.addCell(cell(scale.min() + " " + scale.minLabel() + "   ……   ________   ……   " + scale.max() + " "
                    + scale.maxLabel(), Element.ALIGN_LEFT));
            return table;
        }
        PdfPTable table = new PdfPTable(points);
        table.setWidthPercentage(100);
        for (int i = scale.min(); i <= scale.max(); i++) {
            table.addCell(cell(String.valueOf(i), Element.ALIGN_CENTER));
        }
        String anchors = (scale.minLabel().isBlank() ? "" : scale.min() + " = " + scale.minLabel())
                + (scale.midLabel().isBlank() ? "" : "   ·   " + scale.midLabel())
                + (scale.maxLabel().isBlank() ? "" : "   ·   " + scale.max() + " = " + scale.maxLabel());
        PdfPCell note = new PdfPCell(new Phrase(anchors, SMALL));
        note.setColspan(points);
        note.setBorder(0);
        table.addCell(note);
        return table;
    }

    private static PdfPTable grid(List<String> headers, int rows) {
        PdfPTable table = new PdfPTable(Math.max(1, headers.size()));
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, SMALL));
            cell.setBackgroundColor(new Color(0xee, 0xf1, 0xf4));
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (int r = 0; r < rows * headers.size(); r++) {
            PdfPCell cell = new PdfPCell(new Phrase(" ", BODY));
            cell.setMinimumHeight(42);
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(5);
        return cell;
    }

    private static String label(Map<String, String> labels, String key) {
        return labels.getOrDefault(key, key);
    }
}
