package com.bounceledger.job;

import java.util.List;

import com.bounceledger.classify.ClassifiedEvent;

/** A {@link ParsedRecord} after classification. */
record ClassifiedRecord(int fileIndex, long line, List<ClassifiedEvent> events, String error, String raw) {

    boolean isRejected() {
        return error != null;
    }
}
