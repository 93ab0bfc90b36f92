package dialtone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

    private static ConfigFile.Parsed parse(String text) {
        return ConfigFile.parse("agent.conf", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsKeysValuesAndComments() {
        ConfigFile.Parsed parsed = parse("""
                # Acme Dental
                device.id = dt-1

                mqtt.password = p#ss=word with spaces\r
                site.name=
                """);

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.values())
                .isEqualTo(Map.of("device.id", "dt-1", "mqtt.password", "p#ss=word with spaces", "site.name", ""));
    }

    @Test
    void reportsEveryBadLineWithItsNumber() {
        ConfigFile.Parsed parsed = parse("""
                device.id = dt-1
                just words
                Device.ID = dt-2
                device.id = dt-3
                """);

        assertThat(parsed.problems())
                .containsOnly(
                        Map.entry("agent.conf:2", "expected 'key = value'"),
                        Map.entry("agent.conf:3", "'Device.ID' is not a key (lowercase words joined by . or -)"),
                        Map.entry("agent.conf:4", "device.id is already set on line 1"));
    }

    @Test
    void refusesBinaryOrHugeFiles() {
        byte[] latin1 = "site.name = Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ConfigFile.parse("agent.conf", latin1).problems()).containsValue("not valid UTF-8 text");
        assertThat(ConfigFile.parse("agent.conf", new byte[ConfigFile.MAX_BYTES + 1])
                        .problems())
                .hasSize(1);
    }

    @Test
    void toleratesAByteOrderMark() {
        assertThat(parse("\uFEFFdevice.id = dt-1").values()).containsEntry("device.id", "dt-1");
    }

    @Test
    void theDocumentedExampleIsValid() throws Exception {
        Path example = Path.of("../docs/agent.conf");
        ConfigFile.Parsed parsed = ConfigFile.parse(example.toString(), Files.readAllBytes(example));

        assertThat(parsed.problems()).isEmpty();
        ConfigValidator.Result result =
                ConfigValidator.validate(new ConfigSources(Map.of(), parsed.values(), Map.of()));
        assertThat(result.problems()).isEmpty();
        assertThat(result.config().orElseThrow().uplinks().configured()).isTrue();
    }

    @Test
    void theReferenceDocumentsEveryKeyAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9.-]+)` \\|")
                .matcher(Files.readString(Path.of("../docs/configuration.md")));
        while (row.find()) {
            documented.add(row.group(1));
        }
        ConfigSources sources = new ConfigSources(Map.of(), Map.of(), Map.of());
        ConfigValidator.validate(sources);

        assertThat(documented).isEqualTo(new TreeSet<>(sources.asked()));
    }
}
