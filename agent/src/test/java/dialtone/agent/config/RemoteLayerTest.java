package dialtone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer operations set from afar sits between the environment and the file. */
class RemoteLayerTest {
    @TempDir
    Path dir;

    @Test
    void theEnvironmentWinsOverRemoteValuesWhichWinOverTheFile() throws Exception {
        ConfigLoader loader = loader("usage.cap = 1GB\nprobe.interval = 2s\n", Map.of("DIALTONE_PROBE_INTERVAL", "3s"));

        AgentConfig config = loader.validate(Map.of("usage.cap", "5GB", "probe.interval", "4s"))
                .config()
                .orElseThrow();

        assertThat(config.usage().capBytes()).isEqualTo(5_000_000_000L);
        assertThat(config.probe().interval()).hasSeconds(3);
        assertThat(loader.provisioned("probe.interval")).isTrue();
        assertThat(loader.provisioned("usage.cap")).isFalse();
    }

    @Test
    void remoteValuesAreValidatedLikeTheFileWithUnknownKeysNamed() throws Exception {
        ConfigLoader loader = loader("usage.cap = 1GB\n", Map.of());

        ConfigValidator.Result result = loader.validate(Map.of("usage.cap", "lots", "usage.colour", "red"));

        assertThat(result.config()).isEmpty();
        assertThat(result.problems()).containsKeys("usage.cap", "usage.colour");
        assertThat(loader.validate(Map.of()).config()).isPresent();
    }

    @Test
    void theDescriptionSaysWhereEachValueComesFromAndHidesSecrets() throws Exception {
        ConfigLoader loader = loader(
                "mqtt.url = tcp://127.0.0.1:1883\nmqtt.username = box\nmqtt.password = s3cret\n"
                        + "device.id = dev-1\n",
                Map.of());

        Map<String, Map<String, Object>> keys = loader.describe(Map.of("usage.cap", "5GB"));

        assertThat(keys.get("usage.cap")).containsEntry("value", "5GB").containsEntry("source", "remote");
        assertThat(keys.get("mqtt.password")).containsEntry("value", "****").containsEntry("source", "file");
        assertThat(keys.get("probe.interval")).containsEntry("value", null).containsEntry("source", "default");
    }

    @Test
    void everySecretKeyIsMaskedWhateverLayerSetsIt() throws Exception {
        ConfigLoader loader = loader(
                "mqtt.url = tcp://127.0.0.1:1883\nmqtt.username = box\nmqtt.password = mqtt-s3cret\n"
                        + "notify.smtp.host = 127.0.0.1\nnotify.smtp.username = box\n"
                        + "notify.email.support = support@example.com\n",
                Map.of(
                        "DIALTONE_NOTIFY_SMTP_PASSWORD", "smtp-s3cret",
                        "DIALTONE_LTE_SIM_PIN", "4321",
                        "DIALTONE_LTE_APN_PASSWORD", "apn-s3cret"));

        Map<String, Map<String, Object>> keys = loader.describe(Map.of());

        assertThat(ConfigLoader.SECRET_KEYS).contains("notify.smtp.password");
        for (String key : ConfigLoader.SECRET_KEYS) {
            assertThat(keys.get(key)).as(key).containsEntry("value", "****");
        }
        assertThat(keys.toString()).doesNotContain("s3cret").doesNotContain("4321");
    }

    private ConfigLoader loader(String file, Map<String, String> env) throws Exception {
        Path conf = Files.writeString(dir.resolve("agent.conf"), file);
        Files.setPosixFilePermissions(conf, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return ConfigLoader.read(
                conf,
                true,
                env,
                Map.of("uplink.primary.interface", "eth0", "uplink.lte.interface", "wwan0", "lan.interface", "eth1"));
    }
}
