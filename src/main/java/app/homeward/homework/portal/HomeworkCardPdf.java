package app.homeward.homework.portal;

import app.homeward.base.Dates;
import app.homeward.base.PdfFile;
import app.homeward.homework.Obstacle;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The homework card on paper (OpenPDF): title, why it helps, what / when / where, what might get
 * in the way and the backup plan. The client keeps it where they will see it; writing the plan
 * down is one of the practices that make homework happen.
 */
public final class HomeworkCardPdf {

    /** Words the card needs, translated by the caller. */
    public static final List<String> LABEL_KEYS = List.of("worksheet.why", "portal.plan.what",
            "portal.plan.when", "portal.plan.where", "portal.plan.obstacles", "portal.plan.backup", "card.next");

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD, new Color(0x1a, 0x2b, 0x3c));
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 12, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x55, 0x55, 0x55));

    private HomeworkCardPdf() {
    }

    public static byte[] render(HomeworkCard card, String clinicName, Map<String, String> labels,
                                Map<Obstacle, String> obstacleNames, Locale locale) {
        return PdfFile.write(PageSize.A5, 36, card.title(), "could not write the homework card", pdf -> {
            pdf.add(new Paragraph(clinicName, SMALL));
            pdf.add(new Paragraph(card.title(), TITLE));
            section(pdf, labels.get("worksheet.why"), card.rationale());
            section(pdf, labels.get("portal.plan.what"), card.what());
            section(pdf, labels.get("portal.plan.when"), card.when());
            section(pdf, labels.get("portal.plan.where"), card.where());
            String obstacles = card.obstacles().stream()
                    .map(o -> o == Obstacle.OTHER && !card.obstacleOther().isBlank() ? card.obstacleOther() : obstacleNames.get(o))
                    .collect(Collectors.joining(", "));
            section(pdf, labels.get("portal.plan.obstacles"), obstacles);
            section(pdf, labels.get("portal.plan.backup"), card.backupPlan());
            section(pdf, labels.get("card.next"), Dates.weekday(card.due().toLocalDate(), locale) + ", "
                    + Dates.time(card.due().toLocalTime(), locale));
        });
    }

    private static void section(Document pdf, String heading, String text) throws DocumentException {
        if (text == null || text.isBlank()) {
            return;
        }
        Paragraph title = new Paragraph(heading, HEADING);
        title.setSpacingBefore(10);
        pdf.add(title);
        pdf.add(new Paragraph(text, BODY));
    }
}
