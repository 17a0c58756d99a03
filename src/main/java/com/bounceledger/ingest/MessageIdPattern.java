package com.bounceledger.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Account and campaign of a message from its Message-ID, for logs that carry nothing else (Postfix): a
 * regular expression with the named groups {@code account} and/or {@code campaign}; a group that does not
 * match, or an id the pattern does not match, gives the default.
 */
public final class MessageIdPattern {

    public static final MessageIdPattern NONE = new MessageIdPattern(null, "default", "unknown");

    private final Pattern pattern;
    private final boolean hasAccount;
    private final boolean hasCampaign;
    private final String defaultAccount;
    private final String defaultCampaign;

    /** @throws InvalidPatternException when the pattern is invalid or names neither group */
    public MessageIdPattern(String regexOrNull, String defaultAccount, String defaultCampaign) {
        try {
            this.pattern = regexOrNull == null || regexOrNull.isBlank() ? null : Pattern.compile(regexOrNull);
        } catch (PatternSyntaxException e) {
            throw new InvalidPatternException("message id pattern '" + regexOrNull + "' is not a regular expression: "
                    + e.getDescription() + " at index " + e.getIndex());
        }
        this.hasAccount = pattern != null && pattern.pattern().contains("(?<account>");
        this.hasCampaign = pattern != null && pattern.pattern().contains("(?<campaign>");
        if (pattern != null && !hasAccount && !hasCampaign) {
            throw new InvalidPatternException("message id pattern '" + regexOrNull
                    + "' names neither an (?<account>...) nor a (?<campaign>...) group");
        }
        this.defaultAccount = defaultAccount;
        this.defaultCampaign = defaultCampaign;
    }

    /** @return {account, campaign} of the message id */
    String[] accountAndCampaign(String messageId) {
        if (pattern != null) {
            Matcher matcher = pattern.matcher(messageId);
            if (matcher.find()) {
                return new String[] {group(matcher, hasAccount, "account", defaultAccount),
                        group(matcher, hasCampaign, "campaign", defaultCampaign)};
            }
        }
        return new String[] {defaultAccount, defaultCampaign};
    }

    private static String group(Matcher matcher, boolean present, String name, String fallback) {
        String value = present ? matcher.group(name) : null;
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A configured pattern that cannot be used: the launch stops with this message. */
    public static final class InvalidPatternException extends IllegalArgumentException {
        InvalidPatternException(String message) {
            super(message);
        }
    }
}
