package dialtone.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The package {@code mvn package} built: {@code image-build/target/dialtone-agent_<version>_all.deb}. */
final class DebFile {
    static final Path TARGET = Path.of("target").toAbsolutePath();

    private DebFile() {}

    /** The Debian version for the Maven version under test: the qualifier after a tilde, lower case. */
    static String debianVersion() {
        String maven = System.getProperty("dialtone.version");
        assertThat(maven)
                .as("failsafe passes the Maven version (image-build/pom.xml)")
                .isNotBlank();
        return maven.replaceFirst("-", "~").toLowerCase(Locale.ROOT);
    }

    static Path path() throws IOException {
        Path deb = TARGET.resolve("dialtone-agent_" + debianVersion() + "_all.deb");
        assertThat(Files.isRegularFile(deb))
                .as("%s exists: mvn package builds it (image-build/build-deb)", deb)
                .isTrue();
        return deb;
    }
}
