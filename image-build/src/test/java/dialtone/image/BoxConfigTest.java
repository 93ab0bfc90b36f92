package dialtone.image;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.ConfigLoader;
import dialtone.agent.config.ConfigValidator;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default agent.conf the package installs: the agent accepts it and it describes the reference box. */
class BoxConfigTest {
    private static final Path BOX_CONF = Path.of("deb/agent.conf");

    @Test
    void theAgentAcceptsTheBoxConfigurationAsItIs() {
        ConfigValidator.Result result = ConfigLoader.load(BOX_CONF, true, Map.of(), Map.of());

        assertThat(result.problems()).isEmpty();
        AgentConfig config = result.config().orElseThrow();
        assertThat(config.uplinks().configured())
                .as("a box, not a machine the agent refuses")
                .isTrue();
        assertThat(config.uplinks().primary().interfaceName()).isEqualTo("eth0");
        assertThat(config.uplinks().lte().interfaceName()).isEqualTo("wwan0");
        assertThat(config.lan().interfaceName()).isEqualTo("eth1");
        assertThat(config.lte().modem()).isEqualTo("modemmanager");
        assertThat(config.gpio().enabled()).as("the front panel").isTrue();
    }

    @Test
    void firstBootProvisioningCompletesItThroughTheEnvironment() {
        ConfigValidator.Result result =
                ConfigLoader.load(BOX_CONF, true, Map.of("DIALTONE_DEVICE_ID", "dt-10000000abcdef12"), Map.of());

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.config().orElseThrow().device().id()).isEqualTo("dt-10000000abcdef12");
    }
}
