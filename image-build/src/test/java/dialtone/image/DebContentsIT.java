package dialtone.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The built .deb read with dpkg-deb, without installing it: its name, version, fields and files. */
class DebContentsIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aSnapshotGetsAValidDebianVersionThatSortsBelowItsRelease() throws Exception {
        String version = field("Version");

        assertThat(version).isEqualTo(DebFile.debianVersion());
        String release = version.replaceFirst("~.*", "");
        assertThat(Command.run(LIMIT, "dpkg", "--compare-versions", version, "lt", release)
                        .exitCode())
                .as("%s sorts below %s", version, release)
                .isZero();
    }

    @Test
    void itIsArchitectureIndependentAndDependsOnWhatTheAgentDrives() throws Exception {
        assertThat(field("Package")).isEqualTo("dialtone-agent");
        assertThat(field("Architecture")).isEqualTo("all");
        assertThat(field("Depends").split(", "))
                .contains(
                        "openjdk-21-jre-headless | java21-runtime-headless",
                        "nftables",
                        "conntrack",
                        "iproute2",
                        "modemmanager",
                        "lldpd");
    }

    @Test
    void itShipsItsFilesAsRootWithTheConfigurationAsConffile() throws Exception {
        String listing =
                Command.ok(LIMIT, "dpkg-deb", "--contents", DebFile.path().toString());
        Matcher entry = Pattern.compile("(?m)^(\\S+) (\\S+) .* \\./(\\S*)$").matcher(listing);
        List<String> files = new ArrayList<>();
        while (entry.find()) {
            assertThat(entry.group(2)).as(entry.group(3)).isEqualTo("root/root");
            if (entry.group(1).startsWith("-")) {
                files.add("/" + entry.group(3) + " " + entry.group(1));
            }
        }

        assertThat(files)
                .containsExactlyInAnyOrder(
                        "/etc/dialtone/agent.conf -rw-r-----",
                        "/lib/systemd/system/dialtone-agent.service -rw-r--r--",
                        "/lib/systemd/system/dialtone-firewall.service -rw-r--r--",
                        "/lib/systemd/system/dialtone-firstboot.service -rw-r--r--",
                        "/lib/systemd/system/lldpd.service.d/dialtone.conf -rw-r--r--",
                        "/usr/lib/dialtone/first-boot -rwxr-xr-x",
                        "/usr/lib/dialtone/load-firewall -rwxr-xr-x",
                        "/usr/lib/dialtone/record-exit -rwxr-xr-x",
                        "/usr/lib/sysusers.d/dialtone.conf -rw-r--r--",
                        "/usr/lib/tmpfiles.d/dialtone.conf -rw-r--r--",
                        "/usr/share/dialtone/dialtone-agent.jar -rw-r--r--",
                        "/usr/share/dialtone/jvm.options -rw-r--r--",
                        "/usr/share/dialtone/safe-firewall.nft -rw-r--r--",
                        "/usr/share/doc/dialtone-agent/README.md -rw-r--r--",
                        "/usr/share/doc/dialtone-agent/copyright -rw-r--r--",
                        "/usr/share/doc/dialtone-agent/provisioning-bundle.txt -rw-r--r--",
                        "/usr/share/polkit-1/rules.d/50-dialtone.rules -rw-r--r--");
        assertThat(Command.ok(LIMIT, "dpkg-deb", "--info", DebFile.path().toString(), "conffiles"))
                .isEqualTo("/etc/dialtone/agent.conf\n");
    }

    private static String field(String name) throws Exception {
        Path deb = DebFile.path();
        return Command.ok(LIMIT, "dpkg-deb", "--field", deb.toString(), name).trim();
    }
}
