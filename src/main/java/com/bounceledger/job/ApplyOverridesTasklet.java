package com.bounceledger.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.bounceledger.ingest.DayFolder;
import com.bounceledger.ledger.AddressChange;
import com.bounceledger.ledger.AddressLedger;
import com.bounceledger.ledger.LedgerRules;
import com.bounceledger.ledger.ManualOverride;
import com.bounceledger.ledger.OverridesFile;
import com.bounceledger.report.RejectedRow;

/**
 * Applies the day's {@code overrides.csv} (SPEC 4.7) before the day's events, at the start of the run date,
 * in one transaction. Lines that cannot be used or cannot apply go to the rejects file with the reason.
 */
public class ApplyOverridesTasklet implements Tasklet {

    private final LocalDate runDate;
    private final Path overridesFile;
    private final Instant startOfRunDate;
    private final LedgerRules rules;
    private final LedgerRepository ledgerRepository;
    private final InputFileRepository inputFiles;

    ApplyOverridesTasklet(LocalDate runDate, Path dayFolder, Instant startOfRunDate, LedgerRules rules,
                          LedgerRepository ledgerRepository, InputFileRepository inputFiles) {
        this.runDate = runDate;
        this.overridesFile = dayFolder.resolve(DayFolder.OVERRIDES_FILE);
        this.startOfRunDate = startOfRunDate;
        this.rules = rules;
        this.ledgerRepository = ledgerRepository;
        this.inputFiles = inputFiles;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OverridesFile.Contents contents;
        try {
            contents = OverridesFile.read(overridesFile);
        } catch (IOException e) {
            throw new UncheckedIOException(DayFolder.OVERRIDES_FILE + ": " + e.getMessage(), e);
        }
        List<RejectedRow> rejected = new ArrayList<>();
        contents.rejected().forEach(r -> rejected.add(rejectedRow(r.line(), r.error(), r.raw())));

        Set<String> addresses = new HashSet<>();
        contents.overrides().forEach(o -> addresses.add(o.address()));
        AddressLedger ledger = ledgerRepository.statesOf(addresses);
        List<AddressChange> changes = new ArrayList<>();
        for (ManualOverride override : contents.overrides()) {
            String cannotApply = rules.applyOverride(ledger, override, startOfRunDate, changes);
            if (cannotApply != null) {
                rejected.add(rejectedRow(override.line(), cannotApply, override.raw()));
            }
        }
        ledgerRepository.saveStates(ledger.changed());
        ledgerRepository.insertChanges(runDate, LedgerRepository.OVERRIDES_STAGE, changes);
        inputFiles.insertRejected(runDate, rejected);
        return RepeatStatus.FINISHED;
    }

    private static RejectedRow rejectedRow(long line, String error, String raw) {
        return new RejectedRow(DayFolder.OVERRIDES_FILE, line, error, raw);
    }
}
