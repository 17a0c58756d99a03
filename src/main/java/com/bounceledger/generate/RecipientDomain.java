package com.bounceledger.generate;

/**
 * A recipient domain from {@code generate/domains.csv}.
 *
 * @param receiver whose replies the domain's mail host gives ({@code nxdomain}: the domain does not exist)
 * @param weight   relative share of the population with an address there
 * @param locale   language of the people's names and auto-replies
 * @param mx       the mail host that answers, or null when the domain does not exist
 */
record RecipientDomain(String name, String receiver, int weight, String locale, String mx) {

    static final String NO_SUCH_DOMAIN = "nxdomain";

    boolean exists() {
        return !NO_SUCH_DOMAIN.equals(receiver);
    }

    /** Mail to a corporate domain goes through a security gateway, which may accept it and bounce later. */
    boolean behindGateway() {
        return switch (receiver) {
            case "mimecast", "proofpoint", "barracuda", "trendmicro" -> true;
            default -> false;
        };
    }
}
