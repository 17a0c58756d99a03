package com.bounceledger.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.apache.poi.ss.util.WorkbookUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"sv", "nl", "fr"})
    void everyTranslationHasExactlyTheKeysOfTheEnglishText(String language) throws IOException {
        assertThat(keys("text_" + language)).isEqualTo(keys("text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv", "nl", "fr"})
    void sheetNamesAreValidInExcel(String language) {
        ReportText text = ReportText.of(language);
        for (String key : new String[] {"summary", "performance", "reasons", "domains", "changes", "trend"}) {
            WorkbookUtil.validateSheetName(text.get("sheet." + key)); // throws on a name Excel refuses
        }
    }

    @Test
    void aLanguageWithoutATranslationIsRefused() {
        assertThatThrownBy(() -> ReportText.of("de"))
                .isInstanceOf(ReportText.UnknownLanguageException.class)
                .hasMessage("no report translation for language 'de' (expected a resource report/text_de.properties)");
    }

    @Test
    void aChangeCodeWithoutLabelShowsAsItIs() {
        assertThat(ReportText.of("nl").change("suspension_expired")).isEqualTo("schorsing verlopen");
        assertThat(ReportText.of("nl").change("quarantined")).isEqualTo("quarantined");
    }

    private static Set<Object> keys(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportText.class.getResourceAsStream("/report/" + bundle + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.keySet();
    }
}
