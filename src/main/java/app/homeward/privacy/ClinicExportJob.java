package app.homeward.privacy;

import app.homeward.base.ClinicData;
import app.homeward.base.TableSink;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a clinic export in the background: {@code clinic.json}, one CSV file per table (every feature
 * writes its own through {@link ClinicData#export}), and {@code manifest.json} with the tables, their
 * columns and row counts. Progress is saved as it goes (the admin's page polls it); at the end the ZIP is
 * stored and the export is ready for 24 hours. Runs on this instance, at most two exports at a time; an
 * instance that dies leaves the export "running" until it is stale, and the admin starts another.
 */
@Component
class ClinicExportJob {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicExportJob.class);

    private final List<ClinicData> owners;
    private final ClinicDirectory clinics;
    private final ClinicExportRepository exports;
    private final ClinicExportFileRepository files;
    private final PrivacyWakeUp wakeUp;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("clinic-export-", 0).factory());
    private final Semaphore slots = new Semaphore(2);

    ClinicExportJob(List<ClinicData> owners, ClinicDirectory clinics, ClinicExportRepository exports,
                    ClinicExportFileRepository files, PrivacyWakeUp wakeUp, PlatformTransactionManager transactions,
                    Clock clock) {
        this.owners = owners.stream().sorted(Comparator.comparingInt(ClinicData::order).reversed()).toList();
        this.clinics = clinics;
        this.exports = exports;
        this.files = files;
        this.wakeUp = wakeUp;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void submit(UUID clinicId, UUID exportId) {
        executor.execute(() -> {
            slots.acquireUninterruptibly();
            try {
                TenantContext.runAs(clinicId, () -> run(clinicId, exportId));
            } finally {
                slots.release();
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Writes the export of the bound clinic (public to the package for tests that run it in their thread). */
    void run(UUID clinicId, UUID exportId) {
        MDC.put("clinic", clinicId.toString());
        try {
            ClinicBranding clinic = clinics.findById(clinicId).orElseThrow();
            int tables = owners.stream().mapToInt(o -> o.tables().size()).sum();
            ZipSink sink = new ZipSink(tables, percent -> progress(exportId, percent));
            sink.json("clinic.json", Map.of("id", clinic.id().toString(), "slug", clinic.slug(), "name", clinic.name(),
                    "status", clinic.status().name(), "timeZone", clinic.timeZone().getId(),
                    "defaultLanguage", clinic.defaultLanguage(), "accentColor", clinic.accentColor(),
                    "country", clinic.countrySetting() == null ? "" : clinic.countrySetting(),
                    "createdAt", String.valueOf(clinic.createdAt())));
            for (ClinicData owner : owners) {
                owner.export(sink);
            }
            Instant now = clock.instant();
            byte[] zip = sink.finish(now);
            Boolean stored = tx.execute(s -> {
                ClinicExport export = exports.findById(exportId).orElse(null);
                if (export == null || export.getState() != ExportState.RUNNING) {
                    return false; // abandoned meanwhile (an erasure, a newer export): nothing is kept
                }
                files.save(new ClinicExportFile(exportId, zip));
                Instant done = clock.instant();
                export.ready(zip.length, done, done.plus(ClinicExports.VALID));
                wakeUp.afterCommit(clinicId, export.getExpiresAt());
                return true;
            });
            LOG.info("clinic export {} clinic={} export={} bytes={}", Boolean.TRUE.equals(stored) ? "ready" : "abandoned",
                    clinicId, exportId, zip.length);
        } catch (RuntimeException e) {
            // the cause's class only: a message could quote a value from the clinic's data
            LOG.error("clinic export failed clinic={} export={} cause={}", clinicId, exportId, e.getClass().getName());
            LOG.debug("clinic export failure", e);
            tx.executeWithoutResult(s -> exports.findById(exportId).ifPresent(x -> x.failed(clock.instant())));
        } finally {
            MDC.remove("clinic");
        }
    }

    private void progress(UUID exportId, int percent) {
        tx.executeWithoutResult(s -> exports.findById(exportId).ifPresent(e -> e.progress(percent, clock.instant())));
    }

    /** One CSV file per table in a ZIP (RFC 4180, UTF-8, header row), counting progress as it goes. */
    static final class ZipSink implements TableSink {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
        private final int tables;
        private final IntConsumer progress;
        private final List<Map<String, Object>> manifest = new ArrayList<>();
        private int tablesStarted;
        private long expected;
        private long written;
        private int reported = -1;
        private boolean open;

        ZipSink(int tables, IntConsumer progress) {
            this.tables = Math.max(1, tables);
            this.progress = progress;
        }

        @Override
        public void table(String name, List<String> columns, long expectedRows) {
            try {
                closeTable();
                zip.putNextEntry(new ZipEntry(name + ".csv"));
                open = true;
                tablesStarted++;
                expected = expectedRows;
                written = 0;
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("table", name);
                entry.put("file", name + ".csv");
                entry.put("columns", columns);
                manifest.add(entry);
                line(new ArrayList<>(columns));
                report();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(Object... values) {
            List<Object> row = new ArrayList<>(values.length);
            Collections.addAll(row, values);
            line(row);
            written++;
            if (written % 200 == 0) {
                report();
            }
        }

        private void line(List<Object> values) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(csv(values.get(i)));
            }
            text.append("\r\n");
            try {
                zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void closeTable() throws IOException {
            if (open) {
                zip.closeEntry();
                manifest.getLast().put("rows", written);
                open = false;
            }
        }

        private void report() {
            double inTable = expected <= 0 ? 0 : Math.min(1.0, (double) written / expected);
            int percent = (int) Math.floor(100.0 * (tablesStarted - 1 + inTable) / tables);
            if (percent > reported) {
                reported = percent;
                progress.accept(percent);
            }
        }

        void json(String name, Object tree) {
            try {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(RecordJson.MAPPER.writeValueAsBytes(tree));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] finish(Instant exportedAt) {
            try {
                closeTable();
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("format", "homeward-clinic-export");
                root.put("formatVersion", 1);
                root.put("exportedAt", exportedAt.toString());
                root.put("csv", "RFC 4180, UTF-8, header row; times are UTC (ISO 8601); a text cell that starts"
                        + " with = + - @ is prefixed with ' so that spreadsheets do not run it as a formula");
                root.put("tables", manifest);
                json("manifest.json", root);
                zip.close();
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String csv(Object value) {
            if (value == null) {
                return "";
            }
            String text = value instanceof Enum<?> e ? e.name() : value.toString();
            if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            return text;
        }
    }
}
