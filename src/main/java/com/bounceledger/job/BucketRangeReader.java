package com.bounceledger.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/** Hands out the bucket numbers of one settle partition; its checkpoint is the next bucket to settle. */
public class BucketRangeReader implements ItemStreamReader<Integer> {

    private static final String NEXT = "next.bucket";

    private final int from;
    private final int toExclusive;
    private int next;

    public BucketRangeReader(int from, int toExclusive) {
        this.from = from;
        this.toExclusive = toExclusive;
    }

    @Override
    public void open(ExecutionContext context) {
        next = context.getInt(NEXT, from);
    }

    @Override
    public Integer read() {
        return next < toExclusive ? next++ : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(NEXT, next);
    }
}
