package com.bounceledger.classify;

import com.bounceledger.csv.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * {@code classify-benchmark [SECONDS]}: single-thread classifications per second over a realistic mix of
 * replies: the 270 development replies plus synthetic replies in the wording of the large receivers
 * (random addresses, IPs and queue ids, as in real logs, so nothing is repeated verbatim). Warms up, then
 * measures three rounds of SECONDS (default 3) each and reports them and their median, per second of the
 * thread's CPU time (what one core does) and of wall time (which also counts waiting for a shared core).
 */
public final class ClassifierBenchmark {

    private static final int MIX_SIZE = 50_000;
    private static final String[][] TEMPLATES = {
        {"550", "5.1.1", "smtp;550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. {id} - gsmtp"},
        {"550", "5.1.1", "host gmail-smtp-in.l.google.com[142.250.{n}.{n}] said: 550-5.1.1 The email account that you tried to reach does not exist. {id} - gsmtp (in reply to RCPT TO command)"},
        {"452", "4.2.2", "smtp;452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp {id} - gsmtp"},
        {"421", "4.7.0", "smtp;421-4.7.0 [{ip} 15] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address. {id} - gsmtp"},
        {"550", "5.7.26", "smtp;550-5.7.26 Unauthenticated email from {domain} is not accepted due to domain's DMARC policy. Please contact the administrator of {domain} domain. {id} - gsmtp"},
        {"550", "5.5.0", "smtp;550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM0PR07MB{n}.eurprd07.prod.outlook.com]"},
        {"550", "5.4.1", "smtp;550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT{n}.eop-EUR03.prod.protection.outlook.com]"},
        {"550", "5.7.606", "smtp;550 5.7.606 Access denied, banned sending IP [{ip}]. To request removal from this list please visit https://sender.office.com/ and follow the directions."},
        {"451", "4.7.650", "host outlook-com.olc.protection.outlook.com[52.101.{n}.{n}] said: 451 4.7.650 The mail server [{ip}] has been temporarily rate limited due to IP reputation. (S775) (in reply to MAIL FROM command)"},
        {"421", "4.7.0", "smtp;421 4.7.0 [TSS04] Messages from {ip} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes"},
        {"554", "5.0.0", "smtp;554 delivery error: dd This user doesn't have a yahoo.com account ({user}@yahoo.com) [0] - mta{n}.mail.gq1.yahoo.com"},
        {"552", "5.2.2", "smtp;552 5.2.2 <{user}@icloud.com>: user is over quota (in reply to RCPT TO command)"},
        {"550", "5.1.1", "smtp;550 5.1.1 <{user}@icloud.com>: inactive email address (in reply to RCPT TO command)"},
        {"550", "5.1.1", "host mx.{domain}[{ip}] said: 550 5.1.1 <{user}@{domain}>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)"},
        {"554", "5.7.1", "host mx.{domain}[{ip}] said: 554 5.7.1 Service unavailable; Client host [{ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/{ip} (in reply to RCPT TO command)"},
        {"", "4.4.1", "connect to mx.{domain}[{ip}]:25: Connection timed out"},
        {"", "4.4.1", "connect to mx.{domain}[{ip}]:25: Connection refused"},
        {"550", "5.1.1", "smtp;550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]"},
        {"552", "5.1.1", "smtp;552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]"},
        {"550", "5.1.1", "smtp;550 Requested action not taken: mailbox unavailable / Mailbox does not exist"},
        {"554", "5.7.1", "smtp;554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://web.de/email/senderguidelines?ip={ip}&c=hi"},
        {"550", "5.7.1", "smtp;550 5.7.1 Mail rejected: Benutzer unbekannt / Empfänger existiert nicht"},
        {"552", "5.2.2", "smtp;552 5.2.2 Postfach voll / mailbox full"},
        {"550", "", "smtp;550 Utilisateur inconnu. Adresse destinataire invalide."},
        {"550", "5.1.1", "smtp;550 5.1.1 No such user! ({user}@yandex.ru) / Нет такого пользователя"},
        {"550", "", "smtp;550 宛先不明: {user}@{domain} そのようなユーザはいません"},
        {"550", "", "smtp;550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [{id}.uk{n}]"},
        {"550", "5.7.1", "smtp;550 5.7.1 Message content rejected, UBE, id={n}-{n}-{n}"},
        {"451", "4.3.0", "smtp;451 4.3.0 Temporary local problem - please try later"},
        {"421", "", "smtp;421 Service not available, closing transmission channel"},
    };

    private ClassifierBenchmark() {
    }

    public static int run(String[] args, PrintStream out) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        List<String[]> mix = buildMix();
        BounceClassifier classifier = BounceClassifier.builtIn();
        out.printf("classify-benchmark: %,d distinct replies (%s)%n", mix.size(), classifier.describe());
        String[] codes = mix.stream().map(r -> r[0]).toArray(String[]::new);
        String[] statuses = mix.stream().map(r -> r[1]).toArray(String[]::new);
        String[] texts = mix.stream().map(r -> r[2]).toArray(String[]::new);

        measure(classifier, codes, statuses, texts, 3.0); // warm-up: let the JIT compile the hot path
        List<Rate> rounds = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            Rate rate = measure(classifier, codes, statuses, texts, seconds);
            rounds.add(rate);
            out.printf("classify-benchmark: round %d: %,.0f classifications per second of CPU time on one thread"
                    + " (%,.0f per second of wall time)%n", round, rate.perCpuSecond(), rate.perWallSecond());
        }
        rounds.sort(Comparator.comparingDouble(Rate::perCpuSecond));
        out.printf("classify-benchmark: median %,.0f classifications per second on one thread%n", rounds.get(1).perCpuSecond());
        return 0;
    }

    private record Rate(double perCpuSecond, double perWallSecond) {
    }

    private static Rate measure(BounceClassifier classifier, String[] codes, String[] statuses, String[] texts,
                                double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long wallStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long done = 0;
        int checksum = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < texts.length; i++) {
                checksum += classifier.classify(codes[i], statuses[i], texts[i], null).reason().ordinal();
            }
            done += texts.length;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        if (checksum == 42) {
            System.out.print(""); // keeps the results alive so the JIT cannot drop the calls
        }
        return new Rate(done / (cpu / 1e9), done / (wall / 1e9));
    }

    /** Development replies one time in four, synthetic receiver wording otherwise. */
    private static List<String[]> buildMix() {
        List<String[]> devReplies = readDevReplies();
        Random random = new Random(20261121);
        List<String[]> mix = new ArrayList<>(MIX_SIZE);
        for (int i = 0; i < MIX_SIZE; i++) {
            if (i % 4 == 0) {
                mix.add(devReplies.get(random.nextInt(devReplies.size())));
            } else {
                String[] template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                mix.add(new String[] {template[0], template[1], fill(template[2], random)});
            }
        }
        return mix;
    }

    private static String fill(String template, Random random) {
        String filled = template;
        while (filled.contains("{ip}")) {
            filled = filled.replaceFirst("\\{ip}", "198.51." + random.nextInt(256) + "." + random.nextInt(256));
        }
        while (filled.contains("{n}")) {
            filled = filled.replaceFirst("\\{n}", Integer.toString(random.nextInt(100_000)));
        }
        return filled
                .replace("{id}", Long.toString(random.nextLong() & 0xFFFFFFFFFFL, 36))
                .replace("{user}", "user" + random.nextInt(1_000_000))
                .replace("{domain}", "example" + random.nextInt(1_000) + ".com");
    }

    private static List<String[]> readDevReplies() {
        try (InputStream in = ClassifierBenchmark.class.getClassLoader()
                .getResourceAsStream("classify/benchmark/dev-replies.csv")) {
            if (in == null) {
                throw new IllegalStateException("classify/benchmark/dev-replies.csv is missing from the classpath");
            }
            CsvReader csv = new CsvReader(in);
            csv.next(); // header
            List<String[]> replies = new ArrayList<>();
            List<String> row;
            while ((row = csv.next()) != null) {
                replies.add(row.toArray(new String[0]));
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
