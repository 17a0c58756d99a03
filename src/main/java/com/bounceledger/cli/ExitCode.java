package com.bounceledger.cli;

/** The exit codes a scheduler acts on (README, "Exit codes"). */
public enum ExitCode {
    /** The day completed now, or had completed earlier. */
    OK(0),
    /** The run failed; relaunching the same day resumes from the last checkpoint. */
    RUN_FAILED(1),
    /** Bad command line or configuration, such as a malformed run date or rules file. */
    USAGE(2),
    /** The day's input folder is missing or holds no log file. */
    NO_INPUT(3),
    /** Another run holds the state folder. */
    BUSY(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
