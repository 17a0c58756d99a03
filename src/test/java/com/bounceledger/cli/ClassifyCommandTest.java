package com.bounceledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifyCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return ClassifyCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void addsReasonGroupAndRuleAndKeepsTheOtherColumns() throws IOException {
        Path rules = dir.resolve("local.txt");
        Files.writeString(rules, "[text blocked]\nour firewall says no\n");
        String input = """
                recipient,diagnostic,enhanced_status,smtp_code
                ann@example.com,"smtp;550 5.1.1 <ann@example.com>: User unknown, sorry",5.1.1,550
                "bo ""b""@example.com",Our firewall says no,,554
                carl@example.com,,,
                """;
        int code = run(input, "--rules", rules.toString(), "-");

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                recipient,diagnostic,enhanced_status,smtp_code,reason,group,rule
                ann@example.com,"smtp;550 5.1.1 <ann@example.com>: User unknown, sorry",5.1.1,550,userunknown,hard,status:5.1.1
                "bo ""b""@example.com",Our firewall says no,,554,blocked,block,text:blocked#1 (local.txt:2)
                carl@example.com,,,,undefined,soft,default:undefined
                """);
    }

    @Test
    void readsAFile() throws IOException {
        Path csv = dir.resolve("replies.csv");
        Files.writeString(csv, "smtp_code,enhanced_status,diagnostic\n552,5.2.2,Mailbox full\n");
        assertThat(run("", csv.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("smtp_code,enhanced_status,diagnostic,reason,group,rule\n552,5.2.2,Mailbox full,mailboxfull,soft,status:5.2.2\n");
    }

    @Test
    void aMissingFileIsOneLineOnStderr() {
        assertThat(run("", dir.resolve("absent.csv").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("classify: no such file: " + dir.resolve("absent.csv") + "\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aCsvWithoutTheNeededColumnsIsOneLineOnStderr() {
        assertThat(run("recipient,diagnostic\na@example.com,x\n", "-")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("classify: - has no column smtp_code, enhanced_status (it needs smtp_code, enhanced_status, diagnostic)\n");
    }

    @Test
    void aMalformedRulesFileIsOneLineOnStderr() throws IOException {
        Path rules = dir.resolve("bad.txt");
        Files.writeString(rules, "[reply]\n999 blocked\n");
        assertThat(run("smtp_code,enhanced_status,diagnostic\n", "--rules", rules.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("classify: " + rules + ":2: expected: <reply code 400-599> <reason>\n");
    }
}
