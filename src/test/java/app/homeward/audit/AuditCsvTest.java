package app.homeward.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV that a spreadsheet opens as text: quoted cells, and no cell it would run as a formula. */
class AuditCsvTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_start_with_an_apostrophe() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil.example\",\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(AuditCsv.cell("+1+1")).isEqualTo("\"'+1+1\"");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(AuditCsv.cell("@SUM(A1:A2)")).isEqualTo("\"'@SUM(A1:A2)\"");
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinary_cells_are_quoted_as_they_are() {
        assertThat(AuditCsv.cell("Jordan Díaz")).isEqualTo("\"Jordan Díaz\"");
        assertThat(AuditCsv.cell("a = b")).isEqualTo("\"a = b\"");
        assertThat(AuditCsv.cell("say \"hi\", then, go")).isEqualTo("\"say \"\"hi\"\", then, go\"");
        assertThat(AuditCsv.cell("")).isEqualTo("\"\"");
        assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void a_line_is_its_cells_separated_by_commas_ending_in_crlf() {
        assertThat(AuditCsv.line(List.of("a", "=b", "c,d"))).isEqualTo("\"a\",\"'=b\",\"c,d\"\r\n");
    }
}
