package app.homeward.homework.adherence;

import app.homeward.base.Dates;
import app.homeward.base.PdfFile;
import app.homeward.client.ClientProfile;
import app.homeward.homework.MeasureHistory;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.Scoring;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static app.homeward.base.PdfStyle.BODY;
import static app.homeward.base.PdfStyle.HEADER_BACKGROUND;
import static app.homeward.base.PdfStyle.HEADING;
import static app.homeward.base.PdfStyle.LABEL;
import static app.homeward.base.PdfStyle.SECTION;
import static app.homeward.base.PdfStyle.SMALL;
import static app.homeward.base.PdfStyle.TITLE;

/**
 * The progress report as an A4 PDF (OpenPDF, in the house style of the record and worksheet PDFs): each
 * measure's scores with their band per date, its bands and cut-off, and whether the change is reliable; then
 * homework adherence over the report's weeks and the reflections' averages.
 */
final class ProgressReportPdf {

    private ProgressReportPdf() {
    }

    static byte[] write(ClinicBranding clinic, ClientProfile client, ClientAdherence adherence,
                        List<MeasureHistory> measures, Instant now, MeasureTexts.Texts t, Locale locale) {
        return PdfFile.write(PageSize.A4, 48, t.t("report.title", client.displayName()),
                "the progress report could not be written", pdf -> {
            pdf.add(new Paragraph(clinic.name(), SMALL));
            pdf.add(new Paragraph(t.t("report.title", client.displayName()), TITLE));
            pdf.add(new Paragraph(t.t("report.made", Dates.dateTime(now, clinic.timeZone(), locale)), SMALL));

            section(pdf, t.t("report.measures"));
            if (measures.isEmpty()) {
                pdf.add(new Paragraph(t.t("report.measures.none"), BODY));
            }
            for (MeasureHistory m : measures) {
                pdf.add(spaced(new Paragraph(m.title(), HEADING)));
                pdf.add(new Paragraph(MeasureTexts.change(m.change(), m.scoring().cutoff(), t), BODY));
                String scale = MeasureTexts.scale(m.scoring().bands(), m.scoring().cutoff(), m.min(), m.max(), t);
                if (!scale.isEmpty()) {
                    pdf.add(new Paragraph(scale, SMALL));
                }
                for (MeasureHistory.SubscaleHistory s : m.subscales()) {
                    pdf.add(new Paragraph(s.subscale().label() + ": " + MeasureTexts.change(s.change(), s.subscale().cutoff(), t), BODY));
                }
                pdf.add(scores(m, t, locale));
            }

            section(pdf, t.t("report.adherence", adherence.weeks()));
            AdherenceStats stats = adherence.stats();
            if (stats.counted() == 0) {
                pdf.add(new Paragraph(t.t("report.adherence.none"), BODY));
            } else {
                PdfPTable facts = new PdfPTable(new float[]{3, 2});
                facts.setWidthPercentage(70);
                facts.setHorizontalAlignment(PdfPTable.ALIGN_LEFT);
                fact(facts, t.t("report.adherence.counted"), String.valueOf(stats.counted()));
                fact(facts, t.t("report.adherence.done"), String.valueOf(stats.done()));
                fact(facts, t.t("report.adherence.partial"), String.valueOf(stats.partial()));
                fact(facts, t.t("report.adherence.missed"), String.valueOf(stats.missed()));
                fact(facts, t.t("report.adherence.completion"), percent(stats.completionPercent()));
                fact(facts, t.t("report.adherence.reflections"), String.valueOf(stats.reflections()));
                fact(facts, t.t("report.adherence.difficulty"), average(stats.averageDifficulty(), locale));
                fact(facts, t.t("report.adherence.helpful"), average(stats.averageHelpful(), locale));
                pdf.add(facts);
            }
            pdf.add(spaced(new Paragraph(t.t("report.footer"), SMALL)));
        });
    }

    private static PdfPTable scores(MeasureHistory m, MeasureTexts.Texts t, Locale locale) {
        List<MeasureHistory.SubscaleHistory> subs = m.subscales();
        PdfPTable table = new PdfPTable(3 + subs.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        header(table, t.t("report.date"));
        header(table, t.t("measures.score"));
        header(table, t.t("measures.band"));
        subs.forEach(s -> header(table, s.subscale().label()));
        for (int i = 0; i < m.points().size(); i++) {
            MeasureHistory.Point p = m.points().get(i);
            cell(table, Dates.date(p.day(), locale));
            cell(table, String.valueOf(p.total()));
            cell(table, p.band() == null ? Dates.NONE : p.band());
            for (MeasureHistory.SubscaleHistory s : subs) {
                Integer v = s.scores().get(i);
                String band = v == null ? null : s.subscale().bands().stream()
                        .filter(b -> b.min() <= v && v <= b.max()).map(Scoring.Band::label).findFirst().orElse(null);
                cell(table, v == null ? Dates.NONE : band == null ? String.valueOf(v) : v + " · " + band);
            }
        }
        return table;
    }

    private static void section(Document pdf, String title) throws DocumentException {
        Paragraph p = new Paragraph(title, SECTION);
        p.setSpacingBefore(14);
        p.setSpacingAfter(4);
        pdf.add(p);
    }

    private static Paragraph spaced(Paragraph p) {
        p.setSpacingBefore(8);
        return p;
    }

    private static void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, LABEL));
        cell.setBackgroundColor(HEADER_BACKGROUND);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static void cell(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, LABEL));
        l.setBorder(PdfPCell.NO_BORDER);
        l.setPadding(3);
        PdfPCell v = new PdfPCell(new Phrase(value, BODY));
        v.setBorder(PdfPCell.NO_BORDER);
        v.setPadding(3);
        table.addCell(l);
        table.addCell(v);
    }

    private static String percent(Integer value) {
        return value == null ? Dates.NONE : value + " %";
    }

    private static String average(Double value, Locale locale) {
        return value == null ? Dates.NONE : String.format(locale, "%.1f / 10", value);
    }
}
