package com.bounceledger.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.bounceledger.ingest.PostfixQueue;

/**
 * The open Postfix queue ids between checkpoints and days. Loaded with one query per partition; changes are
 * written in batches in the chunk's transaction. Entries older than the queue lifetime are dropped at load:
 * Postfix has given up on them, and queue ids are reused.
 */
public class PostfixQueueRepository {

    private final JdbcTemplate jdbc;
    private final int lifetimeDays;

    public PostfixQueueRepository(JdbcTemplate jdbc, int lifetimeDays) {
        this.jdbc = jdbc;
        this.lifetimeDays = lifetimeDays;
    }

    public PostfixQueue load(LocalDate runDate) {
        LocalDate oldest = runDate.minusDays(lifetimeDays);
        jdbc.update("DELETE FROM postfix_waiting WHERE queue_key IN (SELECT queue_key FROM postfix_queue WHERE seen_on < ?)",
                oldest);
        jdbc.update("DELETE FROM postfix_queue WHERE seen_on < ?", oldest);
        Map<String, List<String>> waiting = new HashMap<>();
        jdbc.query("SELECT queue_key, recipient FROM postfix_waiting ORDER BY queue_key, seq", rs -> {
            waiting.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
        });
        PostfixQueue queue = new PostfixQueue();
        jdbc.query("SELECT queue_key, message_id, seen_on FROM postfix_queue", rs -> {
            String key = rs.getString(1);
            queue.restore(new PostfixQueue.Entry(key, rs.getString(2), rs.getObject(3, LocalDate.class),
                    waiting.getOrDefault(key, List.of())));
        });
        return queue;
    }

    public void save(PostfixQueue.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<String> deleted = changes.deleted();
        if (!deleted.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM postfix_waiting WHERE queue_key = ?", deleted, deleted.size(),
                    (ps, key) -> ps.setString(1, key));
            jdbc.batchUpdate("DELETE FROM postfix_queue WHERE queue_key = ?", deleted, deleted.size(),
                    (ps, key) -> ps.setString(1, key));
        }
        List<PostfixQueue.Entry> inserted = changes.inserted();
        if (inserted.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO postfix_queue (queue_key, message_id, seen_on) VALUES (?, ?, ?)",
                inserted, inserted.size(), (ps, entry) -> {
                    ps.setString(1, entry.key());
                    ps.setString(2, entry.messageId());
                    ps.setObject(3, entry.seenOn());
                });
        List<Object[]> recipients = new ArrayList<>();
        for (PostfixQueue.Entry entry : inserted) {
            for (int i = 0; i < entry.waiting().size(); i++) {
                recipients.add(new Object[] {entry.key(), i, entry.waiting().get(i)});
            }
        }
        if (!recipients.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO postfix_waiting (queue_key, seq, recipient) VALUES (?, ?, ?)", recipients);
        }
    }
}
