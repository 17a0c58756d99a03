package com.bounceledger.job;

/** The run cannot go on for a reason the operator must act on; its message is the one-line reason. */
public class RunRefusedException extends RuntimeException {

    public RunRefusedException(String message) {
        super(message);
    }
}
