package com.bounceledger.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.bounceledger.BounceLedgerApplication;

/** The real application, launched in-process against its own input, output and state folders. */
final class NightlyRun {

    final Path input;
    final Path output;
    final Path state;
    private final List<String> settings = new ArrayList<>();

    NightlyRun(Path folder) {
        this.input = folder.resolve("input");
        this.output = folder.resolve("output");
        this.state = folder.resolve("state");
        // Checkpoints every 3 records, each record a block of its own: every chunk's blocks are processed
        // concurrently, and the checkpoints fall where they did when a record was the unit of work.
        settings.add("--bounce-ledger.chunk-size=3");
        settings.add("--bounce-ledger.block-records=1");
        settings.add("--bounce-ledger.max-reject-share=0.2");
    }

    /** Copies a fixture folder of {@code src/test/resources/job/} as the input root. */
    NightlyRun withFixture(String name) {
        copyTree(Path.of("src/test/resources/job", name), input);
        return this;
    }

    /** Sets {@code --name=value}, replacing an earlier value of the same name. */
    NightlyRun with(String setting) {
        String name = setting.substring(0, setting.indexOf('=') + 1);
        settings.removeIf(existing -> existing.startsWith(name));
        settings.add(setting);
        return this;
    }

    Result launch(String runDate, Class<?>... extraSources) {
        List<String> args = new ArrayList<>(settings);
        args.add("--bounce-ledger.input-root=" + input);
        args.add("--bounce-ledger.output-root=" + output);
        args.add("--bounce-ledger.state-dir=" + state);
        if (runDate != null) {
            args.add("runDate=" + runDate);
        }
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = BounceLedgerApplication.launch(args.toArray(String[]::new), extraSources);
            return new Result(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(originalErr);
        }
    }

    Path outputFile(String runDate, String prefix, String extension) {
        return output.resolve(runDate).resolve(prefix + "-" + runDate + "." + extension);
    }

    List<String> csv(String runDate, String prefix) {
        try {
            return Files.readAllLines(outputFile(runDate, prefix, "csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sheet's cells as text, row by row; the generation time, which differs between runs, left out. */
    List<String> workbookText(String runDate) {
        List<String> lines = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(outputFile(runDate, "email-performance", "xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    StringBuilder line = new StringBuilder(sheet.getSheetName()).append(':');
                    for (Cell cell : row) {
                        line.append(' ').append(formatter.formatCellValue(cell));
                    }
                    if (!line.toString().startsWith("Summary: Generated")) {
                        lines.add(line.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The sheet's rows as cell texts, header included. */
    List<List<String>> sheet(String runDate, String name) {
        try (XSSFWorkbook workbook = workbook(runDate)) {
            return rows(workbook.getSheet(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day's email-performance workbook, read back whole; the caller closes it. */
    XSSFWorkbook workbook(String runDate) {
        try (InputStream in = Files.newInputStream(outputFile(runDate, "email-performance", "xlsx"))) {
            return new XSSFWorkbook(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    /**
     * The ledger as stored, one line per (account, address):
     * {@code account,address,invalid_since,invalid_cause,suspended_until,soft_count,hard_excused_at,manual_since}.
     */
    List<String> ledger() {
        return rows("""
                SELECT account, address, invalid_since, invalid_cause, suspended_until, soft_count, hard_excused_at,
                       manual_since
                FROM address_state ORDER BY account, address""", 8);
    }

    /** The last engagements as stored, one line per (account, address): {@code account,address,last_engaged_at}. */
    List<String> engagements() {
        try (Connection connection = openState()) {
            return StateDatabase.engagements(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The suspensions in force as their shards hold them: {@code account,address,suspended_until}. */
    List<String> suspensions() {
        try (Connection connection = openState()) {
            return StateDatabase.suspensions(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements on the state database between launches, to give it the shape an earlier build left. */
    void execute(String... statements) {
        try (Connection connection = openState(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection openState() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:hsqldb:file:" + state.resolve("ledger") + ";hsqldb.lock_file=false;shutdown=true", "SA", "");
    }

    /** The query's rows on the state database, each row's columns joined with commas. */
    List<String> rows(String query, int columns) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = openState();
             ResultSet rs = connection.createStatement().executeQuery(query)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    Object value = rs.getObject(c);
                    row.append(c > 1 ? "," : "").append(value instanceof OffsetDateTime time ? time.toInstant()
                            : value == null ? "" : value);
                }
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    record Result(int exitCode, String stderr) {
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
