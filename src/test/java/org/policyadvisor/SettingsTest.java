package org.policyadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings: environment, then flags in either spelling; every bad value a one-line message naming the setting. */
class SettingsTest {

    @Test
    void defaults_apply_when_nothing_is_given() {
        Settings settings = Settings.from(Map.of());
        assertThat(settings.get(Settings.PORT)).isEqualTo(8080);
        assertThat(settings.get(Settings.RULES_DIR)).isEqualTo(Path.of("./rules"));
        assertThat(settings.get(Settings.RETENTION_DAYS)).isEqualTo(180);
        assertThat(settings.get(Settings.IMPACT_DAYS)).isEqualTo(90);
        assertThat(settings.get(Settings.CORS_ORIGINS)).isEmpty();
        assertThat(settings.get(Settings.LOG_FORMAT)).isEqualTo("text");
        assertThat(settings.get(Settings.MANAGEMENT_PORT)).isNull();
        assertThat(settings.get(Settings.ADMIN_TOKEN)).isNull();
    }

    @Test
    void flags_win_over_the_environment_in_both_spellings() {
        Settings settings = Settings.from(Map.of("PORT", "9000", "LOG_FORMAT", "json"),
                "serve", "--port=9100", "--rules-dir", "/tmp/rules", "--cors-origins=https://a.example, http://localhost:3000",
                "--management-port", "9200");
        assertThat(settings.get(Settings.PORT)).isEqualTo(9100);
        assertThat(settings.get(Settings.RULES_DIR)).isEqualTo(Path.of("/tmp/rules"));
        assertThat(settings.get(Settings.LOG_FORMAT)).isEqualTo("json");
        assertThat(settings.get(Settings.CORS_ORIGINS)).containsExactly("https://a.example", "http://localhost:3000");
        assertThat(settings.get(Settings.MANAGEMENT_PORT)).isEqualTo(9200);
        assertThat(settings.words()).containsExactly("serve");
    }

    @Test
    void bad_values_say_which_setting_and_what_it_must_be_in_one_line() {
        assertThatThrownBy(() -> Settings.from(Map.of("PORT", "abc")))
                .hasMessage("PORT=abc: must be a port number from 0 to 65535 (--port)");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--retention-days=0")).hasMessageStartingWith("RETENTION_DAYS=0: must be");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--log-format", "xml")).hasMessageContaining("text, json");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--cors-origins=*")).hasMessageContaining("scheme://host");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--frobnicate")).hasMessage("unknown option --frobnicate; see --help");
        assertThatThrownBy(() -> Settings.from(Map.of(), "--port")).hasMessage("--port needs a value; see --help");
    }

    @Test
    void a_secret_is_never_echoed() {
        assertThat(Settings.ALL).filteredOn(Settings.Setting::secret).extracting(Settings.Setting::env)
                .containsExactlyInAnyOrder("ADVISOR_ADMIN_TOKEN", "DATABASE_PASSWORD");
    }

    @Test
    void help_lists_every_setting_of_the_contract_with_its_flag() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Settings.printHelp(new PrintStream(out, true, StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : List.of("PORT", "RULES_DIR", "ADVISOR_ADMIN_TOKEN", "DATA_DIR", "DATABASE_URL", "DATABASE_USER",
                "DATABASE_PASSWORD", "RETENTION_DAYS", "IMPACT_DAYS", "CORS_ORIGINS", "LOG_FORMAT", "MANAGEMENT_PORT")) {
            assertThat(help).contains(name);
        }
        for (Settings.Setting<?> setting : Settings.ALL) assertThat(help).contains(setting.flag());
    }
}
