package app.homeward.base;

import org.openpdf.text.Font;

import java.awt.Color;

/**
 * The house style of the long PDFs a clinic hands out (the client's record, the progress report): one set of
 * fonts and colours, so the documents look like they come from the same place.
 */
public final class PdfStyle {

    private static final Color INK = new Color(0x1a, 0x2b, 0x3c);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    public static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, INK);
    public static final Font SECTION = new Font(Font.HELVETICA, 14, Font.BOLD, INK);
    public static final Font HEADING = new Font(Font.HELVETICA, 11.5f, Font.BOLD);
    public static final Font BODY = new Font(Font.HELVETICA, 10.5f, Font.NORMAL);
    public static final Font LABEL = new Font(Font.HELVETICA, 10.5f, Font.BOLD);
    public static final Font SMALL = new Font(Font.HELVETICA, 8.5f, Font.NORMAL, MUTED);
    public static final Color HEADER_BACKGROUND = new Color(0xee, 0xf1, 0xf4);

    private PdfStyle() {
    }
}
