package com.bounceledger.classify;

/** Receives every phrase occurrence found in a reply: the phrase id and its [start, end) span. */
interface MatchSink {
    void found(int phraseId, int start, int end);
}
