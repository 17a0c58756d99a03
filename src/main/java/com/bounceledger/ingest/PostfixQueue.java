package com.bounceledger.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Postfix queue as the logs tell it: each open queue id (its {@code cleanup} line seen, its {@code qmgr
 * removed} line not yet) with its Message-ID and the recipients still waiting after a deferral (a {@code
 * status=expired} line names none). Lines of one message span files and days, so the open entries are kept
 * in the database; {@link #takeChanges()} gives what changed since the last checkpoint, so that only the
 * entries still open at a checkpoint are ever written. Memory is the size of the mail queue, not of the day.
 */
public final class PostfixQueue {

    private final Map<String, State> open = new HashMap<>();
    /** Keys touched since the last checkpoint, with whether they were stored before. */
    private final Map<String, Boolean> touched = new LinkedHashMap<>();

    /** An entry as stored: its key is {@code host/queueid}, since queue ids are per host. */
    public record Entry(String key, String messageId, LocalDate seenOn, List<String> waiting) {
    }

    /** What to write at a checkpoint: delete the stored keys, then insert the entries (still open). */
    public record Changes(List<String> deleted, List<Entry> inserted) {
        public boolean isEmpty() {
            return deleted.isEmpty() && inserted.isEmpty();
        }
    }

    /** Restores the entries stored at the last checkpoint. */
    public void restore(Entry entry) {
        open.put(entry.key(), new State(entry.messageId(), entry.seenOn(), new ArrayList<>(entry.waiting()), true));
    }

    public int size() {
        return open.size();
    }

    /** A {@code cleanup message-id} line: a new message under this queue id (queue ids are reused). */
    void start(String key, String messageId, LocalDate seenOn) {
        touch(key);
        open.put(key, new State(messageId, seenOn, new ArrayList<>(1), false));
    }

    /** @return the Message-ID of the queue id, starting it with {@code derivedId} when it was never seen */
    String messageId(String key, String derivedId, LocalDate seenOn) {
        State state = open.get(key);
        if (state == null) {
            start(key, derivedId, seenOn);
            return derivedId;
        }
        return state.messageId;
    }

    /** A deferral: the recipient waits for a later attempt (or expiry). */
    void waiting(String key, String recipient) {
        State state = open.get(key);
        if (!state.waiting.contains(recipient)) {
            touch(key);
            state.waiting.add(recipient);
        }
    }

    /** A final outcome for the recipient. */
    void done(String key, String recipient) {
        State state = open.get(key);
        if (state.waiting.remove(recipient)) {
            touch(key);
        }
    }

    /** A {@code status=expired} line: @return the recipients that were waiting, no longer waiting */
    List<String> expire(String key) {
        State state = open.get(key);
        if (state == null || state.waiting.isEmpty()) {
            return List.of();
        }
        touch(key);
        List<String> expired = List.copyOf(state.waiting);
        state.waiting.clear();
        return expired;
    }

    /** A {@code qmgr removed} line: the queue id is free again. */
    void remove(String key) {
        if (open.containsKey(key)) {
            touch(key);
            open.remove(key);
        }
    }

    /** @return the changes since the last call, which the caller stores in the checkpoint's transaction */
    public Changes takeChanges() {
        List<String> deleted = new ArrayList<>();
        List<Entry> inserted = new ArrayList<>();
        touched.forEach((key, wasStored) -> {
            if (wasStored) {
                deleted.add(key);
            }
            State state = open.get(key);
            if (state != null) {
                inserted.add(new Entry(key, state.messageId, state.seenOn, List.copyOf(state.waiting)));
                state.stored = true;
            }
        });
        touched.clear();
        return new Changes(deleted, inserted);
    }

    private void touch(String key) {
        if (!touched.containsKey(key)) {
            State state = open.get(key);
            touched.put(key, state != null && state.stored);
        }
    }

    private static final class State {
        final String messageId;
        final LocalDate seenOn;
        final List<String> waiting;
        boolean stored;

        State(String messageId, LocalDate seenOn, List<String> waiting, boolean stored) {
            this.messageId = messageId;
            this.seenOn = seenOn;
            this.waiting = waiting;
            this.stored = stored;
        }
    }
}
