package app.homeward.audit;

import java.util.List;

/**
 * CSV (RFC 4180) that is safe to open in a spreadsheet: every cell quoted, and a cell that a spreadsheet
 * would take for a formula ({@code = + - @}, or a tab or carriage return first) gets a leading apostrophe,
 * as OWASP's CSV injection advice says. A name like {@code =HYPERLINK(...)} stays text.
 */
final class AuditCsv {

    private AuditCsv() {
    }

    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
