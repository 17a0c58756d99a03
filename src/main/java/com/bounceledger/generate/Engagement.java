package com.bounceledger.generate;

/** How a person reacts to the mail they receive; it stays the same across days. */
enum Engagement {
    NEVER(0.0, 0.0),
    OCCASIONAL(0.18, 0.10),
    ENGAGED(0.55, 0.22);

    final double openChance;
    final double clickChanceWhenOpened;

    Engagement(double openChance, double clickChanceWhenOpened) {
        this.openChance = openChance;
        this.clickChanceWhenOpened = clickChanceWhenOpened;
    }
}
