package com.bounceledger.generate;

import java.time.LocalDate;

/** Fills in a reply template's details ({@code {recipient}}, {@code {ip}}, server and queue ids) and prefixes its codes. */
final class ReplyText {

    private static final String[][] MICROSOFT_HOSTS = {{"AM0PR07MB", "eurprd07"}, {"DB9PR03MB", "eurprd03"},
            {"VI1PR04MB", "eurprd04"}, {"SN6PR11MB", "namprd11"}, {"BN8PR12MB", "namprd12"}, {"CH2PR19MB", "namprd19"}};
    private static final String[] YAHOO_SITES = {"gq1", "bf1", "ne1", "sg3"};

    /** What a reply can mention about the message it answers. */
    record Context(String recipient, String domain, String sendingIp, String sendingDomain, String mx, String messageId) {
    }

    private ReplyText() {
    }

    /** @return the reply line as logged, such as {@code 550 5.1.1 The email account ...} */
    static String render(Reply reply, Context context, long at, SeededRandom random) {
        StringBuilder line = new StringBuilder(160);
        if (reply.smtpCode() != null) {
            line.append(reply.smtpCode()).append(' ');
        }
        if (reply.enhancedStatus() != null) {
            line.append(reply.enhancedStatus()).append(' ');
        }
        String template = reply.template();
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            line.append(template, from, open);
            appendDetail(line, template.substring(open + 1, close), context, at, random);
            from = close + 1;
        }
        return line.append(template, from, template.length()).toString();
    }

    private static void appendDetail(StringBuilder line, String name, Context context, long at, SeededRandom random) {
        switch (name) {
            case "recipient" -> line.append(context.recipient());
            case "domain" -> line.append(context.domain());
            case "ip" -> line.append(context.sendingIp());
            case "sender" -> line.append(context.sendingDomain());
            case "mx" -> line.append(context.mx());
            case "msgid" -> line.append(context.messageId());
            case "epoch" -> line.append(at);
            case "date" -> line.append(LocalDate.ofEpochDay(Math.floorDiv(at, 86_400) + 3 + random.nextInt(12)));
            case "rip" -> line.append(HostAddresses.of(context.mx()));
            case "id" -> appendToken(line, "abcdefghijklmnopqrstuvwxyz0123456789", 16, random);
            case "qid" -> appendToken(line, "0123456789ABCDEF", 10, random);
            case "num" -> line.append(100_000_000_000L + (random.nextLong() >>> 1) % 900_000_000_000L);
            case "nn" -> line.append(10 + random.nextInt(90));
            case "gid" -> {
                appendToken(line, "0123456789abcdef", 13, random);
                line.append('-');
                appendToken(line, "0123456789abcdef", 11, random);
                line.append("si").append(1_000_000 + random.nextInt(9_000_000));
                appendToken(line, "abcdefghijklmnopqrstuvwxyz", 3, random);
                line.append('.').append(random.nextInt(1000));
            }
            case "ms" -> {
                String[] host = MICROSOFT_HOSTS[random.nextInt(MICROSOFT_HOSTS.length)];
                line.append(host[0]).append(1000 + random.nextInt(9000)).append('.').append(host[1]).append(".prod.outlook.com");
            }
            case "mss" -> line.append("BAY004-MC").append(1 + random.nextInt(6)).append('F').append(10 + random.nextInt(50));
            case "yhost" -> line.append("mta").append(1000 + random.nextInt(9000)).append(".mail.")
                    .append(YAHOO_SITES[random.nextInt(YAHOO_SITES.length)]).append(".yahoo.com");
            default -> throw new IllegalStateException("unknown reply placeholder {" + name + "}");
        }
    }

    private static void appendToken(StringBuilder line, String alphabet, int length, SeededRandom random) {
        for (int i = 0; i < length; i++) {
            line.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
    }
}
