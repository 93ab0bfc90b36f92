package dialtone.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpsArgsTest {
    private static final Map<String, String> NO_ENV = Map.of();
    private static final String URL = "--url=tcp://broker.example:1883";

    private static OpsArgs parse(Map<String, String> env, String... argv) {
        return OpsArgs.parse(List.of(argv), env);
    }

    @Test
    void devicesWaitTwoSecondsAndPrintATableUnlessAskedForJson() {
        OpsArgs args = parse(NO_ENV, URL, "devices");

        assertThat(args.action()).isEqualTo(new OpsArgs.Devices(Duration.ofSeconds(2), false));
        assertThat(args.connection().url()).isEqualTo("tcp://broker.example:1883");
        assertThat(parse(NO_ENV, "devices", "--wait", "500ms", "--json", URL).action())
                .isEqualTo(new OpsArgs.Devices(Duration.ofMillis(500), true));
    }

    @Test
    void sendTakesTheDeviceTheCommandItsArgumentsAndTheDefaults() {
        OpsArgs args = parse(Map.of("USER", "alice"), URL, "send", "dev-7", "set-mode", "{\"mode\":\"force-lte\"}");

        OpsArgs.Send send = (OpsArgs.Send) args.action();
        assertThat(send.device()).isEqualTo("dev-7");
        assertThat(send.command()).isEqualTo("set-mode");
        assertThat(send.args()).isEqualTo(Map.of("mode", "force-lte"));
        assertThat(send.issuer()).isEqualTo("ops:alice");
        assertThat(send.ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(send.timeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(send.signKey()).isNull();
        assertThat(((OpsArgs.Send) parse(NO_ENV, URL, "send", "dev-7", "get-status", "--issuer", "ops:bob")
                                .action())
                        .args())
                .isEmpty();
    }

    @Test
    void theEnvironmentKeepsSecretsAndDefaultsOffTheCommandLineAndOptionsWin() {
        Map<String, String> env = Map.of(
                "DIALTONE_OPS_URL", "ssl://broker.example:8883",
                "DIALTONE_OPS_CA", "/etc/ops/ca.pem",
                "DIALTONE_OPS_CERT", "/etc/ops/ops.pem",
                "DIALTONE_OPS_KEY", "/etc/ops/ops.key",
                "DIALTONE_OPS_USERNAME", "noc",
                "DIALTONE_OPS_PASSWORD", "s3cret",
                "DIALTONE_OPS_ISSUER", "ops:carol",
                "DIALTONE_OPS_SIGN_KEY", "/etc/ops/ops-ed25519.pem");

        OpsArgs args = parse(env, "send", "dev-7", "set-mode", "{}", "--issuer", "ops:dave");

        OpsArgs.Connection connection = args.connection();
        assertThat(connection.url()).isEqualTo("ssl://broker.example:8883");
        assertThat(connection.ca()).isEqualTo(Path.of("/etc/ops/ca.pem"));
        assertThat(connection.cert()).isEqualTo(Path.of("/etc/ops/ops.pem"));
        assertThat(connection.key()).isEqualTo(Path.of("/etc/ops/ops.key"));
        assertThat(connection.username()).isEqualTo("noc");
        assertThat(connection.password().value()).isEqualTo("s3cret");
        assertThat(connection.toString()).doesNotContain("s3cret");
        OpsArgs.Send send = (OpsArgs.Send) args.action();
        assertThat(send.issuer()).isEqualTo("ops:dave");
        assertThat(send.signKey()).isEqualTo(Path.of("/etc/ops/ops-ed25519.pem"));
    }

    @Test
    void aPasswordFileWinsOverThePasswordInTheEnvironment() {
        OpsArgs.Connection connection = parse(
                        Map.of("DIALTONE_OPS_PASSWORD", "from-env"), URL, "devices", "--password-file", "/run/pw")
                .connection();

        assertThat(connection.passwordFile()).isEqualTo(Path.of("/run/pw"));
        assertThat(connection.password().isSet()).isFalse();
    }

    @Test
    void aPasswordIsNeverAnArgument() {
        assertThatThrownBy(() -> parse(NO_ENV, URL, "devices", "--password", "hunter2"))
                .isInstanceOf(OpsArgs.UsageException.class)
                .hasMessageContaining("no password on the command line")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void malformedArgsJsonSaysWhere() {
        assertThatThrownBy(() -> parse(NO_ENV, URL, "send", "dev-7", "set-mode", "{\"mode\": force-lte}"))
                .isInstanceOf(OpsArgs.UsageException.class)
                .hasMessageStartingWith("ARGS_JSON is not valid JSON")
                .hasMessageContaining("line 1, column 15");
        assertThatThrownBy(() -> parse(NO_ENV, URL, "send", "dev-7", "set-mode", "{\"a\":1,\n\"a\":2}"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> parse(NO_ENV, URL, "send", "dev-7", "set-mode", "{\"a\":1} {\"b\":2}"))
                .hasMessageContaining("has text after the object");
        assertThatThrownBy(() -> parse(NO_ENV, URL, "send", "dev-7", "set-mode", "[\"force-lte\"]"))
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void mistakesAreExplainedInOneLine() {
        Map<String, String> problems = Map.of(
                "which broker?", "devices",
                "unknown action 'list'", URL + " list",
                "unknown option --colour", URL + " devices --colour",
                "--json does not apply to send", URL + " send dev-7 get-status --issuer ops:a --json",
                "--wait must be a duration", URL + " devices --wait 2",
                "--timeout must be from 1s to 10min", URL + " send dev-7 get-status --issuer ops:a --timeout 1h",
                "is not a device id", URL + " send Dev/7 get-status --issuer ops:a",
                "is not a command name", URL + " send dev-7 cmd/# --issuer ops:a",
                "--cert and --key go together", "--url ssl://b:8883 --cert c.pem devices",
                "need an ssl:// url", URL + " --ca ca.pem devices");
        problems.forEach((message, line) -> assertThatThrownBy(() -> parse(NO_ENV, line.split(" ")))
                .as(line)
                .isInstanceOf(OpsArgs.UsageException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n"));
        assertThatThrownBy(() -> parse(NO_ENV, "--url", "http://broker:80", "devices"))
                .hasMessageContaining("--url must be tcp://HOST:PORT or ssl://HOST:PORT");
        assertThatThrownBy(() -> parse(NO_ENV, URL, "send", "dev-7")).hasMessageContaining("send needs DEVICE COMMAND");
        assertThatThrownBy(() -> parse(NO_ENV, URL, "devices", "--wait")).hasMessageContaining("--wait needs a value");
    }

    @Test
    void keygenNeedsOnlyADirectory() {
        assertThat(parse(NO_ENV, "keygen", "/etc/ops").action()).isEqualTo(new OpsArgs.Keygen(Path.of("/etc/ops")));
        assertThat(parse(NO_ENV, "keygen", "/etc/ops").connection()).isNull();
        assertThatThrownBy(() -> parse(NO_ENV, "keygen")).hasMessageContaining("dialtone-ops keygen DIR");
        assertThatThrownBy(() -> parse(NO_ENV, "keygen", "/etc/ops", URL))
                .hasMessageContaining("--url does not apply to keygen");
    }

    @Test
    void helpNeedsNoBroker() {
        assertThat(parse(NO_ENV).action()).isInstanceOf(OpsArgs.Help.class);
        assertThat(parse(NO_ENV, "send", "--help").action()).isInstanceOf(OpsArgs.Help.class);
    }
}
