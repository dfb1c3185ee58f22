package org.policyadvisor.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void accept_language_picks_the_first_supported_language_in_the_clients_order() {
        assertThat(Lang.fromAcceptLanguage("fr-FR, en;q=0.8, zh;q=0.5")).contains(Lang.EN);
        assertThat(Lang.fromAcceptLanguage("zh-HK,zh;q=0.9")).contains(Lang.ZH_HANT);
        assertThat(Lang.fromAcceptLanguage("zh-Hant-TW")).contains(Lang.ZH_HANT);
        assertThat(Lang.fromAcceptLanguage("zh-CN")).contains(Lang.ZH_HANS);
    }

    @Test
    void an_unsupported_or_malformed_accept_language_gives_no_language() {
        assertThat(Lang.fromAcceptLanguage("fr, de")).isEmpty();
        assertThat(Lang.fromAcceptLanguage(";;;=")).isEmpty();
        assertThat(Lang.fromAcceptLanguage(null)).isEmpty();
    }

    @Test
    void texts_refuse_a_missing_language() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Text.of(java.util.Map.of("zh-Hans", "是", "en", "yes")))
                .hasMessageContaining("zh-Hant");
    }
}
