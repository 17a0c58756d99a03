package com.bounceledger.classify;

/** A rules file that cannot be used; the message names the file, the line and what is wrong. */
public class RulesFileException extends RuntimeException {

    public RulesFileException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
    }

    public RulesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
