package app.homeward.worksheet;

import app.homeward.worksheet.FieldTypes.Option;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable blank worksheet: every shipped built-in renders, and what authors typed is printed as text. */
class WorksheetPdfTest {

    static final Map<String, String> LABELS = Map.of(
            "worksheet.why", "Why this helps",
            "worksheet.yes", "Yes",
            "worksheet.no", "No",
            "worksheet.ladder.step", "Step",
            "worksheet.ladder.rating", "Rating",
            "worksheet.duration.hours-short", "h",
            "worksheet.duration.minutes-short", "min",
            "worksheet.pdf.name", "Name",
            "worksheet.pdf.date", "Date");

    @Test
    void every_shipped_built_in_renders_to_a_pdf() throws IOException {
        List<BuiltInLibrary.ShippedWorksheet> shipped = BuiltInLibrary.read();

        assertThat(shipped).as("all 21 shipped files and their 21 Spanish versions pass the publishing checks").hasSize(42);
        for (BuiltInLibrary.ShippedWorksheet worksheet : shipped) {
            byte[] pdf = WorksheetPdf.blank(worksheet.document(), LABELS);

            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).as(worksheet.slug()).isEqualTo("%PDF-");
            // the two-question screeners (PHQ-2, GAD-2) print on one short page of about 1.4 kB
            assertThat(pdf.length).as(worksheet.slug() + " size").isBetween(1_000, 500_000);
            String text = text(pdf);
            assertThat(squash(text)).as(worksheet.slug() + " shows its title")
                    .contains(squash(worksheet.document().title()));
            assertThat(text).as(worksheet.slug() + " has the name and date lines").contains("Name").contains("Date");
        }
    }

    @Test
    void the_labels_must_be_given_in_the_callers_language() {
        assertThat(WorksheetPdf.LABEL_KEYS).containsExactlyInAnyOrderElementsOf(LABELS.keySet());
    }

    @Test
    void every_field_type_is_printed_with_room_to_write() throws IOException {
        WorksheetDocument document = new WorksheetDocument("All the fields", "", "It helps to write it down.",
                WorksheetCategory.OTHER, List.of(), 10, 1, "en", List.of(
                new FieldTypes.Instructions("intro", "Start here", "Read this.\n\n- first\n- second"),
                new FieldTypes.ShortText("name", "Short answer", "", true, null),
                new FieldTypes.LongText("story", "Long answer", "Some help", false, null),
                new FieldTypes.NumberInput("glasses", "Water", "", false, BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ONE, "glasses"),
                new FieldTypes.RatingScale("mood", "Mood", "", false, 0, 10, "awful", "", "great"),
                new FieldTypes.RatingScale("suds", "Distress", "", false, 0, 100, "calm", "", "panic"),
                new FieldTypes.SingleChoice("one", "Pick one", "", false, List.of(new Option("a", "Apple", null), new Option("b", "Pear", null))),
                new FieldTypes.MultipleChoice("many", "Pick some", "", false, List.of(new Option("x", "Xylophone", null), new Option("y", "Yodel", null)), null),
                new FieldTypes.YesNo("nap", "Napped", "", false),
                new FieldTypes.DateInput("day", "Day", "", false),
                new FieldTypes.TimeInput("bed", "Bedtime", "", false),
                new FieldTypes.DurationInput("took", "Took", "", false, null),
                new FieldTypes.Checklist("done", "Done", "", false, List.of(new Option("walk", "Walked", null))),
                new FieldTypes.Table("rows", "Table", "", false, List.of(
                        new FieldTypes.ShortText("sit", "Situation", "", false, null),
                        new FieldTypes.ShortText("feel", "Feeling", "", false, null),
                        new FieldTypes.ShortText("thought", "Thought", "", false, null)), null),
                new FieldTypes.StepLadder("ladder", "Ladder", "", false, "", "Fear", 0, 100, null)), null);

        byte[] pdf = WorksheetPdf.blank(document, LABELS);

        String text = text(pdf);
        assertThat(text).contains("All the fields", "Why this helps", "It helps to write it down.", "Short answer *",
                "• first", "glasses", "Apple", "Xylophone", "Yes", "No", "Walked", "Situation", "Feeling", "Thought",
                "Step", "Fear (0–100)");
    }

    @Test
    void a_label_with_markup_is_printed_as_the_characters_typed() throws IOException {
        WorksheetDocument document = new WorksheetDocument("<i>Title</i>", "", "", WorksheetCategory.OTHER, List.of(), 10, 1,
                "en", List.of(new FieldTypes.ShortText("name", "<b>Bold?</b> & <script>x</script>", "", false, null)), null);

        byte[] pdf = WorksheetPdf.blank(document, LABELS);

        String text = text(pdf);
        assertThat(text).contains("<b>Bold?</b> & <script>x</script>").contains("<i>Title</i>");
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isPositive();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    /** Text extraction may break lines and spaces differently from the source. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
