package app.homeward.base;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

/**
 * Writes one PDF to bytes the way every PDF of the app is written (a worksheet, a homework card, the client's
 * record, the progress report): the page size and margins, the title in the file's properties, "Homeward" as
 * its creator; the caller draws the content.
 */
public final class PdfFile {

    /** Draws the content into the open document. */
    @FunctionalInterface
    public interface Content {
        void draw(Document pdf) throws DocumentException;
    }

    private PdfFile() {
    }

    /** @param failure the message of the {@link IllegalStateException} thrown when OpenPDF cannot write it */
    public static byte[] write(Rectangle pageSize, float margin, String title, String failure, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(pageSize, margin, margin, margin, margin);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(title);
            pdf.addCreator("Homeward");
            pdf.open();
            content.draw(pdf);
        } catch (DocumentException e) {
            throw new IllegalStateException(failure, e);
        } finally {
            if (pdf.isOpen()) {
                pdf.close();
            }
        }
        return out.toByteArray();
    }
}
