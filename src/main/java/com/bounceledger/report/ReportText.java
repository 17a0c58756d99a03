package com.bounceledger.report;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The workbook's sheet names, titles and labels in one language. The translations are data: a language is
 * available when {@code report/text_<language>.properties} exists (English is the base file).
 */
public final class ReportText {

    private static final String BUNDLE = "report/text";

    private final ResourceBundle bundle;

    private ReportText(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @throws UnknownLanguageException when no translation exists for the language */
    public static ReportText of(String language) {
        boolean translated = ReportText.class.getResource("/" + BUNDLE + "_" + language + ".properties") != null;
        if (!language.equals("en") && !translated) {
            throw new UnknownLanguageException("no report translation for language '" + language
                    + "' (expected a resource " + BUNDLE + "_" + language + ".properties)");
        }
        return new ReportText(ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    /** A ledger change code's label; a code without one (a newer ledger rule) shows as it is. */
    public String change(String code) {
        String key = "change." + code;
        return bundle.containsKey(key) ? bundle.getString(key) : code;
    }

    /** A configuration error that stops the launch in one line, like a malformed rules file. */
    public static final class UnknownLanguageException extends IllegalArgumentException {
        UnknownLanguageException(String message) {
            super(message);
        }
    }
}
