package com.bounceledger.classify;

import java.util.Locale;

/** The point of the SMTP conversation at which a reply was given, when the text tells it. */
enum Stage {
    /** Connection, greeting, HELO/EHLO: the sending host itself was refused. */
    CONNECT,
    /** MAIL FROM: the envelope sender was refused. */
    MAIL,
    /** RCPT TO: the recipient address was judged. */
    RCPT,
    /** DATA or end of DATA: the message was judged after the recipient was accepted. */
    DATA,
    /** A local delivery program (X-Unix diagnostics: procmail, maildrop, pipes). */
    LOCAL,
    /** The text does not tell. */
    NONE;

    private static final Stage[] BY_ORDINAL = values();

    static Stage of(int ordinal) {
        return BY_ORDINAL[ordinal];
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Stage fromLabel(String label) {
        for (Stage stage : values()) {
            if (stage.label().equals(label)) {
                return stage;
            }
        }
        return null;
    }
}
