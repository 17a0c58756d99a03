package com.bounceledger.cli;

import com.bounceledger.classify.BounceClassifier;
import com.bounceledger.classify.Classification;
import com.bounceledger.classify.RulesFileException;
import com.bounceledger.csv.CsvReader;
import com.bounceledger.csv.CsvWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code classify [--rules FILE] [FILE|-]}: reads a CSV with smtp_code, enhanced_status and diagnostic
 * columns (found by header name; a hint or bounceCat column is used when present) and writes it back
 * with reason, group and rule columns added, so an operator can test rules and see why a reply was
 * classified as it was.
 */
public final class ClassifyCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_LINE = "usage: classify [--rules FILE] [FILE|-]";

    private ClassifyCommand() {
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Path rulesFile = null;
        String input = "-";
        boolean inputGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--rules") && i + 1 < args.length) {
                rulesFile = Path.of(args[++i]);
            } else if (arg.equals("-h") || arg.equals("--help")) {
                out.println(USAGE_LINE);
                return OK;
            } else if ((arg.startsWith("-") && !arg.equals("-")) || inputGiven) {
                err.println("classify: unexpected argument '" + arg + "'; " + USAGE_LINE);
                return USAGE;
            } else {
                input = arg;
                inputGiven = true;
            }
        }
        try {
            BounceClassifier classifier = BounceClassifier.load(rulesFile);
            if (input.equals("-")) {
                return classifyAll(in, input, classifier, out, err);
            }
            try (InputStream file = Files.newInputStream(Path.of(input))) {
                return classifyAll(file, input, classifier, out, err);
            }
        } catch (NoSuchFileException e) {
            err.println("classify: no such file: " + e.getFile());
            return FAILED;
        } catch (RulesFileException e) {
            err.println("classify: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("classify: cannot read " + input + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static int classifyAll(InputStream in, String name, BounceClassifier classifier, PrintStream out, PrintStream err)
            throws IOException {
        CsvReader csv = new CsvReader(in);
        List<String> header = csv.next();
        if (header == null) {
            err.println("classify: " + name + " is empty; it needs a header with smtp_code, enhanced_status, diagnostic");
            return FAILED;
        }
        Columns columns = Columns.find(header);
        if (!columns.missing().isEmpty()) {
            err.println("classify: " + name + " has no column " + String.join(", ", columns.missing())
                    + " (it needs smtp_code, enhanced_status, diagnostic)");
            return FAILED;
        }
        CsvWriter writer = new CsvWriter(out);
        List<String> outHeader = new ArrayList<>(header);
        outHeader.addAll(List.of("reason", "group", "rule"));
        writer.write(outHeader);
        List<String> row;
        while ((row = csv.next()) != null) {
            Classification result = classifier.classify(
                    field(row, columns.smtpCode()), field(row, columns.enhancedStatus()),
                    field(row, columns.diagnostic()), field(row, columns.hint()));
            List<String> outRow = new ArrayList<>(row);
            while (outRow.size() < header.size()) {
                outRow.add("");
            }
            outRow.addAll(List.of(result.reason().code(), result.group().label(), result.rule()));
            writer.write(outRow);
        }
        writer.flush();
        return OK;
    }

    private static String field(List<String> row, int index) {
        return index >= 0 && index < row.size() ? row.get(index) : null;
    }

    /** Where the needed columns are; -1 when absent. */
    private record Columns(int smtpCode, int enhancedStatus, int diagnostic, int hint) {

        static Columns find(List<String> header) {
            return new Columns(index(header, "smtp_code"), index(header, "enhanced_status"),
                    index(header, "diagnostic"), Math.max(index(header, "hint"), index(header, "bouncecat")));
        }

        List<String> missing() {
            List<String> missing = new ArrayList<>();
            if (smtpCode < 0) {
                missing.add("smtp_code");
            }
            if (enhancedStatus < 0) {
                missing.add("enhanced_status");
            }
            if (diagnostic < 0) {
                missing.add("diagnostic");
            }
            return missing;
        }

        private static int index(List<String> header, String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
