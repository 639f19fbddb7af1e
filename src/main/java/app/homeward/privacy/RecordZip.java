package app.homeward.privacy;

import app.homeward.homework.ClientHistory;
import ca.uhn.fhir.parser.IParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The client's record for machines: {@code record.json}, {@code record.pdf}, and under {@code fhir/} one
 * Questionnaire per worksheet version and one QuestionnaireResponse per submitted entry; {@code README.txt}
 * says what is where, in the client's language.
 */
final class RecordZip {

    private RecordZip() {
    }

    static byte[] write(ClientRecord record, Texts texts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", texts.t("privacy.zip.readme", record.clinic().name(),
                    texts.dateTime(record.exportedAt())).getBytes(StandardCharsets.UTF_8));
            put(zip, "record.json", RecordJson.write(record, texts));
            put(zip, "record.pdf", RecordPdf.write(record, texts));
            IParser parser = RecordFhir.parser();
            Set<UUID> written = new LinkedHashSet<>();
            UUID clientId = record.details().profile().id();
            String name = record.details().profile().displayName();
            for (ClientHistory.EntryRecord entry : record.history().entries()) {
                if (!entry.submitted()) {
                    continue;
                }
                if (written.add(entry.worksheetVersionId())) {
                    put(zip, "fhir/Questionnaire-" + entry.worksheetVersionId() + ".json", parser
                            .encodeResourceToString(RecordFhir.questionnaire(entry.worksheetVersionId(), entry.document()))
                            .getBytes(StandardCharsets.UTF_8));
                }
                put(zip, "fhir/QuestionnaireResponse-" + entry.id() + ".json", parser
                        .encodeResourceToString(RecordFhir.response(entry, clientId, name)).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
