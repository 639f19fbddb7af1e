package app.homeward.base;

import java.util.List;

/**
 * Where {@link ClinicData#export} writes a table: first its columns (and how many rows to expect, for
 * the progress shown to the admin), then each row's values in that order. Values are written as text:
 * null, strings, numbers, booleans, UUIDs, dates and instants (ISO 8601, UTC).
 */
public interface TableSink {

    void table(String name, List<String> columns, long expectedRows);

    void row(Object... values);
}
