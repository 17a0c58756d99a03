package com.bounceledger.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A large, plain day for tests that need ingest to take a while: every message sent, most delivered. */
final class SyntheticDay {

    private SyntheticDay() {
    }

    /** @param firstMessage the number of the first message, so that several files hold different messages */
    static void write(Path file, int firstMessage, int messages) {
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                out.write("timestamp,account,campaign,message_id,recipient,event,smtp_code,enhanced_status,diagnostic,remote_mta\n");
                for (int m = firstMessage; m < firstMessage + messages; m++) {
                    String time = String.format("2026-11-21T%02d:%02d:%02dZ", m / 3600 % 24, m / 60 % 60, m % 60);
                    String common = time + ",acct" + m % 3 + ",campaign" + m % 7 + ",msg" + m + ",user" + m % 50_000
                            + "@example" + m % 97 + ".com,";
                    out.write(common + "sent,,,,\n");
                    if (m % 50 == 0) {
                        out.write(common + "bounced,550,5.1.1,550 5.1.1 user unknown,mx.example.com\n");
                    } else if (m % 70 == 0) {
                        out.write(common + "bounced,554,5.7.1,554 5.7.1 blocked using zen.spamhaus.org,mx.example.com\n");
                    } else {
                        out.write(common + "delivered,250,2.0.0,250 OK,mx.example.com\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
