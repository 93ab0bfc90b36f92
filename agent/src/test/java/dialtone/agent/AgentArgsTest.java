package dialtone.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.agent.config.Defaults;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentArgsTest {

    @Test
    void aBoxUsesTheSystemPaths() {
        AgentArgs args = AgentArgs.parse();

        assertThat(args.sim()).isFalse();
        assertThat(args.configFile()).isEqualTo(Defaults.CONFIG_FILE);
        assertThat(args.configExplicit()).isFalse();
        assertThat(args.dataDir()).isEqualTo(Defaults.DATA_DIR);
    }

    @Test
    void theDemoKeepsItsStateInTheWorkingDirectory() {
        AgentArgs args = AgentArgs.parse("--sim", "--http-port", "9090");

        assertThat(args.dataDir()).isEqualTo(Defaults.SIM_DATA_DIR);
        assertThat(args.httpPort()).isEqualTo(9090);
    }

    @Test
    void explicitPathsWin() {
        AgentArgs args = AgentArgs.parse("--config", "/tmp/a.conf", "--data-dir", "/tmp/state");

        assertThat(args.configFile()).isEqualTo(Path.of("/tmp/a.conf"));
        assertThat(args.configExplicit()).isTrue();
        assertThat(args.dataDir()).isEqualTo(Path.of("/tmp/state"));
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> AgentArgs.parse("--simulate")).hasMessage("unknown option --simulate");
        assertThatThrownBy(() -> AgentArgs.parse("--config")).hasMessage("--config needs a value");
        assertThatThrownBy(() -> AgentArgs.parse("--config", "--sim")).hasMessage("--config needs a value");
        assertThatThrownBy(() -> AgentArgs.parse("--http-port", "80000"))
                .hasMessageContaining("from 1 to 65535, not 80000");
        assertThatThrownBy(() -> AgentArgs.parse("--https-port", "x"))
                .hasMessage("--https-port must be a port number from 1 to 65535, not x");
    }

    @Test
    void httpsIsOptIn() {
        assertThat(AgentArgs.parse("--sim").httpsPort()).isEqualTo(-1);
        assertThat(AgentArgs.parse("--sim", "--https-port", "8443").httpsPort()).isEqualTo(8443);
    }
}
