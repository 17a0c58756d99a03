package com.bounceledger.report;

/** How a value is written: its cell type, number format, and how wide it shows. */
enum CellKind {
    TEXT, COUNT, RATE, DATE, TIME
}
