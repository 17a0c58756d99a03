package com.bounceledger.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.bounceledger.ingest.BlockParser;
import com.bounceledger.ingest.DeliveryEvent;
import com.bounceledger.ingest.LogFile;
import com.bounceledger.ingest.ParserSettings;
import com.bounceledger.ingest.PostfixQueue;
import com.bounceledger.ingest.RecordSink;
import com.bounceledger.report.RejectedRow;

/**
 * Reads the files of one partition block by block: one file, or for a format whose files form one log
 * (Postfix), all the day's files of that format in name order with one parser. A block is whole records of
 * one file, cut without decoding them ({@link PartitionCutter}, on a thread of its own, a chunk ahead). An item
 * is a block's processing ({@link IngestProcessor}) on the ingest workers, started as soon as the block is cut:
 * the step only awaits it. A format whose records depend on the ones before (see
 * {@link com.bounceledger.ingest.LogFormat#parsesInOrder()}) is parsed here, in order, before its processing
 * starts; any other is parsed by the workers, each block with the parser of the columns in force (a repeated
 * header ends its block). Its checkpoint is the file, the byte offset (in the decompressed content) and the
 * line after the last block of the committed chunk, and the header in force there (which each block carries:
 * the cutting may be a chunk further on); a restart skips to it. The Postfix queue ids still open are stored with
 * the checkpoint, in the chunk's transaction, and reloaded on open, as is how far each file has been read with
 * the checksum of what was read ({@code input_read}), which a restart checks.
 */
public class LogFileItemReader implements ItemStreamReader<CompletableFuture<SpilledBlock>> {

    private static final String FILE = "file";
    private static final String OFFSET = "offset";
    private static final String LINE = "line";
    private static final String HEADER = "header";

    private final List<LogFile> files;
    private final int maxRecordBytes;
    private final BlockSize blockSize;
    private final ProgressMeter progress;
    private final ParserSettings settings;
    private final PostfixQueueRepository queueRepository;
    private final InputFileRepository inputFiles;
    private final boolean directReads;
    private final IngestProcessor processor;
    private final Executor workers;
    /** Files read to their end since the last checkpoint: recorded with it. */
    private final List<InputFileRepository.Read> finished = new ArrayList<>();
    private PostfixQueue queue;
    private PartitionCutter cutter;
    /** After the last block read: the checkpoint once its chunk commits. */
    private PartitionCutter.Position position;
    private boolean ended;

    /**
     * @param files       of one format, in name order; several only for a format that {@code joinsFiles()}
     * @param directReads whether to read the files around the page cache where the file system allows it
     *                    ({@link com.bounceledger.ingest.OnePassFileStream})
     * @param workers     the ingest workers, shared by the partitions
     */
    public LogFileItemReader(List<LogFile> files, int maxRecordBytes, BlockSize blockSize, ProgressMeter progress,
                             ParserSettings settings, PostfixQueueRepository queueRepository,
                             InputFileRepository inputFiles, boolean directReads, IngestProcessor processor,
                             Executor workers) {
        this.files = files;
        this.maxRecordBytes = maxRecordBytes;
        this.blockSize = blockSize;
        this.progress = progress;
        this.settings = settings;
        this.queueRepository = queueRepository;
        this.inputFiles = inputFiles;
        this.directReads = directReads;
        this.processor = processor;
        this.workers = workers;
    }

    @Override
    public void open(ExecutionContext context) {
        if (files.get(0).format().joinsFiles()) {
            queue = queueRepository.load(settings.runDate());
        }
        cutter = new PartitionCutter(files, maxRecordBytes, blockSize, progress, settings, queue, directReads,
                this::startProcessing);
        position = cutter.start(context.getInt(FILE, 0), context.getLong(OFFSET, 0L), context.getLong(LINE, 1L),
                context.containsKey(HEADER) ? context.getString(HEADER) : null);
    }

    @Override
    public CompletableFuture<SpilledBlock> read() {
        if (ended) {
            return null;
        }
        PartitionCutter.Cut cut = cutter.take();
        if (cut instanceof PartitionCutter.Block block) {
            taken(block.after(), block.finished());
            return block.processing() != null ? block.processing() : startProcessing(parse(block.block()));
        }
        if (cut instanceof PartitionCutter.End end) {
            taken(end.after(), end.finished());
            ended = true;
            return null;
        }
        Throwable error = ((PartitionCutter.Failure) cut).error();
        if (error instanceof Error e) {
            throw e;
        }
        throw (RuntimeException) error;
    }

    private CompletableFuture<SpilledBlock> startProcessing(FileBlock block) {
        return CompletableFuture.supplyAsync(() -> processor.process(block), workers);
    }

    private void taken(PartitionCutter.Position after, List<InputFileRepository.Read> finishedBefore) {
        position = after;
        finished.addAll(finishedBefore);
    }

    private static FileBlock.Parsed parse(FileBlock.Unparsed block) {
        List<DeliveryEvent> events = new ArrayList<>(block.rows());
        List<RejectedRow> rejected = new ArrayList<>(0);
        LogFile file = block.file();
        BlockParser.parse(block.records(), block.parser(), new RecordSink() {
            @Override
            public void event(DeliveryEvent event) {
                events.add(event);
            }

            @Override
            public void rejected(long line, String error, String raw) {
                rejected.add(new RejectedRow(file.name(), line, error, raw));
            }
        });
        return new FileBlock.Parsed(file, block.rows(), events, rejected);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE, position.file());
        if (position.open()) {
            context.putLong(OFFSET, position.offset());
            context.putLong(LINE, position.line());
        }
        if (position.header() != null) {
            context.putString(HEADER, position.header());
        }
        if (queue != null) {
            queueRepository.save(queue.takeChanges());
        }
        List<InputFileRepository.Read> reads = new ArrayList<>(finished);
        if (position.open()) {
            reads.add(new InputFileRepository.Read(files.get(position.file()).index(), position.offset(),
                    position.checksum()));
        }
        if (!reads.isEmpty()) {
            inputFiles.recordReads(settings.runDate(), reads);
        }
        finished.clear();
    }

    @Override
    public void close() {
        if (cutter != null) {
            cutter.close();
            cutter = null;
        }
    }
}
