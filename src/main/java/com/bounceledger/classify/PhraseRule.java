package com.bounceledger.classify;

/**
 * One phrase of a rules file: a stage phrase, a receiver's wording or a generic text phrase. A phrase
 * of several parts ("mailbox ... full") matches when the parts occur in that order.
 *
 * @param tier  lower wins: operator receiver rules, built-in receiver rules, operator text rules,
 *              built-in text rules
 * @param parts ids of the literal parts, in order
 */
record PhraseRule(int id, Kind kind, Reason reason, Stage stage, int tier, int[] parts, String label) {

    enum Kind { STAGE, RECEIVER, TEXT }
}
