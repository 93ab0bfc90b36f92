package dialtone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void secretsInAFileEveryUserCanReadAreNoticed() throws Exception {
        Path file = Files.writeString(dir.resolve("agent.conf"), "lte.sim-pin = 1234\n");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConfigLoader.secretsExposed(file, Set.of("device.id", "lte.sim-pin")))
                .isTrue();
        assertThat(ConfigLoader.secretsExposed(file, Set.of("device.id")))
                .as("no secret in it")
                .isFalse();

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(ConfigLoader.secretsExposed(file, Set.of("lte.sim-pin"))).isFalse();
    }
}
