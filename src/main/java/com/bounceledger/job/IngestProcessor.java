package com.bounceledger.job;

import java.util.ArrayList;
import java.util.List;

import com.bounceledger.classify.CachingClassifier;
import com.bounceledger.ingest.BlockParser;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.RecordSink;
import com.bounceledger.report.RejectedRow;

/**
 * Parses a block (unless the reader did), classifies every bounce and deferral, and encodes the events for
 * the spill files. Runs on the ingest workers, several blocks at once: it keeps no state of its own, and the
 * classifier's memory is concurrent.
 */
final class IngestProcessor {

    /** Encoded events are about as long as their records; a little more room spares most blocks a copy. */
    private static final double SPILL_BYTES_PER_INPUT_BYTE = 1.1;

    private final CachingClassifier classifier;

    IngestProcessor(CachingClassifier classifier) {
        this.classifier = classifier;
    }

    SpilledBlock process(FileBlock block) {
        if (block instanceof FileBlock.Unparsed unparsed) {
            Spiller spiller = new Spiller(block, (int) (unparsed.records().ends()[unparsed.rows() - 1]
                    * SPILL_BYTES_PER_INPUT_BYTE));
            BlockParser.parse(unparsed.records(), unparsed.parser(), spiller);
            return spiller.spilled();
        }
        FileBlock.Parsed parsed = (FileBlock.Parsed) block;
        Spiller spiller = new Spiller(block, parsed.events().size() * 200);
        for (DeliveryEvent event : parsed.events()) {
            spiller.event(event);
        }
        spiller.rejected.addAll(parsed.rejected());
        return spiller.spilled();
    }

    /** Classifies and encodes one block's events as they are parsed. */
    private final class Spiller implements RecordSink {
        private final FileBlock block;
        private final SpillBatch events;
        private final List<RejectedRow> rejected = new ArrayList<>(0);

        Spiller(FileBlock block, int expectedBytes) {
            this.block = block;
            this.events = new SpillBatch(expectedBytes);
        }

        @Override
        public void event(DeliveryEvent event) {
            EventSpill.write(events, event, classifier.classify(event));
        }

        @Override
        public void rejected(long line, String error, String raw) {
            rejected.add(new RejectedRow(block.file().name(), line, error, raw));
        }

        SpilledBlock spilled() {
            return new SpilledBlock(block.file().index(), block.rows(), events, rejected);
        }
    }
}
