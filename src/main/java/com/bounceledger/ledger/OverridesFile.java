package com.bounceledger.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.bounceledger.csv.CsvReader;
import com.bounceledger.ingest.EmailAddresses;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.RawRecord;
import com.bounceledger.ingest.RowRejectedException;

/**
 * Reads a day's {@code overrides.csv} ({@code account,address,action,note}, columns by name, note optional).
 * A line that cannot be used is kept as a rejected line with its reason; a file without the required
 * columns is refused as a whole.
 */
public final class OverridesFile {

    private static final List<String> REQUIRED = List.of("account", "address", "action");

    private OverridesFile() {
    }

    /** @return what the file holds; nothing when there is no file */
    public static Contents read(Path file) throws IOException {
        List<ManualOverride> overrides = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(overrides, rejected);
        }
        try (InputStream in = Files.newInputStream(file)) {
            CsvReader csv = new CsvReader(in);
            List<String> header = lowerCase(csv.next());
            if (header == null || !header.containsAll(REQUIRED)) {
                throw new InputFormatException(file.getFileName() + ": the header must name the columns "
                        + "account,address,action,note");
            }
            while (true) {
                List<String> fields;
                try {
                    fields = csv.next();
                } catch (IOException e) {
                    RawRecord bad = csv.lastRecord();
                    rejected.add(new Rejected(bad.line(), e.getMessage().replaceFirst("^line \\d+: ", ""), bad.text()));
                    continue;
                }
                if (fields == null) {
                    break;
                }
                RawRecord record = csv.lastRecord();
                try {
                    overrides.add(parse(record, header, fields));
                } catch (RowRejectedException e) {
                    rejected.add(new Rejected(record.line(), e.getMessage(), record.text()));
                }
            }
        }
        return new Contents(overrides, rejected);
    }

    private static ManualOverride parse(RawRecord record, List<String> header, List<String> fields) {
        if (fields.size() != header.size()) {
            throw new RowRejectedException("expected " + header.size() + " columns, found " + fields.size());
        }
        String account = required(header, fields, "account");
        String address = EmailAddresses.normalize(required(header, fields, "address"));
        String action = required(header, fields, "action").toLowerCase(Locale.ROOT);
        int note = header.indexOf("note");
        return new ManualOverride(record.line(), account, address, action,
                note < 0 || fields.get(note).isBlank() ? null : fields.get(note).strip(), record.text());
    }

    private static String required(List<String> header, List<String> fields, String column) {
        String value = fields.get(header.indexOf(column)).strip();
        if (value.isEmpty()) {
            throw new RowRejectedException("missing " + column);
        }
        return value;
    }

    private static List<String> lowerCase(List<String> header) {
        return header == null ? null : header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** A line that cannot be used, with why. */
    public record Rejected(long line, String error, String raw) {
    }

    public record Contents(List<ManualOverride> overrides, List<Rejected> rejected) {
    }
}
