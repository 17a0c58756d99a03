package com.bounceledger.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.bounceledger.classify.CachingClassifier;
import com.bounceledger.classify.Classification;
import com.bounceledger.ingest.AddressHash;
import com.bounceledger.ingest.BlockParser;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.InputFormatException;
import com.bounceledger.ingest.RecordBlock;
import com.bounceledger.ingest.RecordSink;
import com.bounceledger.report.RejectedRow;

/**
 * Parses a block (unless the reader did), classifies every bounce and deferral, and encodes the events for
 * the spill files. Runs on several threads at once: it keeps no state of its own, and the classifier's
 * memory is concurrent.
 */
public class IngestProcessor implements ItemProcessor<FileBlock, SpilledBlock> {

    /** Encoded events are about as long as their records; a little more room spares most blocks a copy. */
    private static final double SPILL_BYTES_PER_INPUT_BYTE = 1.1;

    private final CachingClassifier classifier;
    private final int buckets;

    /** @param buckets the spill layout's address buckets */
    IngestProcessor(CachingClassifier classifier, int buckets) {
        this.classifier = classifier;
        this.buckets = buckets;
    }

    @Override
    public SpilledBlock process(FileBlock block) {
        Spiller spiller = new Spiller(block);
        if (block instanceof FileBlock.Unparsed unparsed) {
            try {
                BlockParser.parse(unparsed.records(), unparsed.parser(), spiller);
            } catch (InputFormatException e) {
                throw new InputFormatException(block.file().name() + ", " + e.getMessage(), e);
            }
            RecordBlock records = unparsed.records();
            return spiller.spilled((int) (records.ends()[records.size() - 1] * SPILL_BYTES_PER_INPUT_BYTE));
        }
        FileBlock.Parsed parsed = (FileBlock.Parsed) block;
        for (DeliveryEvent event : parsed.events()) {
            spiller.event(event);
        }
        spiller.rejected.addAll(parsed.rejected());
        return spiller.spilled(parsed.events().size() * 200);
    }

    /** Collects and classifies one block's events, then encodes them bucket by bucket. */
    private final class Spiller implements RecordSink {
        private final FileBlock block;
        private final List<DeliveryEvent> events = new ArrayList<>();
        private final List<Classification> classifications = new ArrayList<>();
        private final List<RejectedRow> rejected = new ArrayList<>(0);

        Spiller(FileBlock block) {
            this.block = block;
        }

        @Override
        public void event(DeliveryEvent event) {
            events.add(event);
            classifications.add(classifier.classify(event));
        }

        @Override
        public void rejected(long line, String error, String raw) {
            rejected.add(new RejectedRow(block.file().name(), line, error, raw));
        }

        /** A counting sort by bucket that keeps each bucket's events in read order. */
        SpilledBlock spilled(int expectedBytes) {
            int count = events.size();
            int[] bucketOf = new int[count];
            int[] starts = new int[buckets + 1];
            for (int e = 0; e < count; e++) {
                bucketOf[e] = AddressHash.bucket(AddressHash.of(events.get(e).recipient()), buckets);
                starts[bucketOf[e] + 1]++;
            }
            for (int b = 0; b < buckets; b++) {
                starts[b + 1] += starts[b];
            }
            int[] order = new int[count];
            for (int e = 0; e < count; e++) {
                order[starts[bucketOf[e]]++] = e;
            }
            SpillBatch batch = new SpillBatch(buckets, expectedBytes);
            for (int i = 0; i < count; i++) {
                int e = order[i];
                batch.beginBucket(bucketOf[e]);
                EventSpill.write(batch, events.get(e), classifications.get(e));
            }
            return new SpilledBlock(block.file().index(), block.rows(), batch, rejected);
        }
    }
}
