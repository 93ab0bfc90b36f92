package dialtone.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package as a box gets it: customise-root installs it with apt into a fresh Debian trixie (the
 * dependencies from Debian), first-boot provisioning takes a bundle over or refuses a bad one, and
 * {@code dpkg --purge} takes everything away again. One chroot for the whole class, in this order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String BUNDLE = "/boot/firmware/dialtone";
    private static final String PASSWORD = "pa ss#\"w$rd\\1";
    /**
     * Not compared: /proc, apt's and dpkg's own records (which a purge rightly leaves changed) and
     * /run (a tmpfs on a box; systemd-analyze leaves its cache there).
     */
    private static final List<String> IGNORED = List.of(
            "proc/", "run/", "var/lib/dpkg/", "var/lib/apt/", "var/cache/apt/", "var/cache/debconf/", "var/log/");

    private static final List<String> ACCOUNTS = List.of("/etc/passwd", "/etc/group", "/etc/shadow", "/etc/gshadow");

    @TempDir
    Path work;

    private Chroot chroot;
    private Set<String> filesBefore;
    private Map<String, String> accountsBefore;

    @BeforeAll
    void installThePackageIntoAFreshDebian() throws Exception {
        Path deb = DebFile.path();
        chroot = Chroot.debootstrap();
        // What Raspberry Pi OS has and a plain Debian has not: the GPIO group and the boot partition.
        chroot.ok("groupadd", "--system", "gpio");
        Files.createDirectories(chroot.path("/boot/firmware"));
        // The dependencies first, so that the purge can be checked against this state.
        String depends = Command.ok(LIMIT, "dpkg-deb", "--field", deb.toString(), "Depends")
                .trim();
        chroot.ok("apt-get", "satisfy", "-y", "-q", "--no-install-recommends", depends);
        filesBefore = files();
        accountsBefore = accounts();

        Command.ok(LIMIT, "./customise-root", chroot.root.toString(), deb.toString());
    }

    @AfterAll
    void removeTheChroot() throws Exception {
        if (chroot != null) {
            chroot.close();
        }
    }

    @Test
    @Order(1)
    void theFilesAreInPlaceWithTheirOwnersAndModes() throws Exception {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("/usr/share/dialtone/dialtone-agent.jar", "644 root:root"),
                Map.entry("/usr/share/dialtone/jvm.options", "644 root:root"),
                Map.entry("/usr/share/dialtone/safe-firewall.nft", "644 root:root"),
                Map.entry("/usr/lib/dialtone/load-firewall", "755 root:root"),
                Map.entry("/usr/lib/dialtone/record-exit", "755 root:root"),
                Map.entry("/usr/lib/dialtone/first-boot", "755 root:root"),
                Map.entry("/lib/systemd/system/dialtone-agent.service", "644 root:root"),
                Map.entry("/lib/systemd/system/dialtone-firewall.service", "644 root:root"),
                Map.entry("/lib/systemd/system/dialtone-firstboot.service", "644 root:root"),
                Map.entry("/lib/systemd/system/lldpd.service.d/dialtone.conf", "644 root:root"),
                Map.entry("/usr/lib/sysusers.d/dialtone.conf", "644 root:root"),
                Map.entry("/usr/lib/tmpfiles.d/dialtone.conf", "644 root:root"),
                Map.entry("/usr/share/polkit-1/rules.d/50-dialtone.rules", "644 root:root"),
                Map.entry("/usr/share/doc/dialtone-agent/README.md", "644 root:root"),
                Map.entry("/usr/share/doc/dialtone-agent/copyright", "644 root:root"),
                Map.entry("/usr/share/doc/dialtone-agent/provisioning-bundle.txt", "644 root:root"),
                Map.entry("/etc/dialtone", "750 root:dialtone"),
                Map.entry("/etc/dialtone/agent.conf", "640 root:dialtone"),
                Map.entry("/var/lib/dialtone", "750 dialtone:dialtone"),
                Map.entry("/var/lib/dialtone/tmp", "750 dialtone:dialtone")));

        assertThat(stat(expected.keySet())).isEqualTo(expected);
        assertThat(Files.readString(chroot.path("/etc/dialtone/agent.conf")))
                .isEqualTo(Files.readString(Path.of("deb/agent.conf")));
        assertThat(Files.readString(chroot.path("/lib/systemd/system/dialtone-agent.service")))
                .isEqualTo(Files.readString(Path.of("../systemd/dialtone-agent.service")));
    }

    @Test
    @Order(2)
    void theConfigurationIsAConffileThatSurvivesUpgrades() throws Exception {
        assertThat(chroot.ok("dpkg-query", "--show", "--showformat=${Conffiles}", "dialtone-agent"))
                .contains("/etc/dialtone/agent.conf");
    }

    @Test
    @Order(3)
    void theServiceUserExistsWithTheGroupsOfItsDevices() throws Exception {
        assertThat(chroot.ok("getent", "passwd", "dialtone"))
                .endsWith(":Dialtone agent:/var/lib/dialtone:/usr/sbin/nologin\n");
        assertThat(chroot.ok("id", "-nG", "dialtone").trim().split(" "))
                .containsExactlyInAnyOrder("dialtone", "gpio", "dialout", "_lldpd");
    }

    @Test
    @Order(4)
    void theUnitsAreEnabledForTheNextBoot() throws Exception {
        for (String link : List.of(
                "/etc/systemd/system/sysinit.target.wants/dialtone-firewall.service",
                "/etc/systemd/system/multi-user.target.wants/dialtone-firstboot.service",
                "/etc/systemd/system/multi-user.target.wants/dialtone-agent.service")) {
            Path path = chroot.path(link);
            assertThat(Files.isSymbolicLink(path)).as(link).isTrue();
            assertThat(Files.readSymbolicLink(path).getFileName()).isEqualTo(path.getFileName());
        }
    }

    @Test
    @Order(5)
    void theAgentRunsOnTheJavaItDependsOnAsItsOwnUser() throws Exception {
        String output = chroot.ok(
                "runuser",
                "-u",
                "dialtone",
                "--",
                "/usr/bin/java",
                "@/usr/share/dialtone/jvm.options",
                "-jar",
                "/usr/share/dialtone/dialtone-agent.jar",
                "--version");

        assertThat(output).contains("dialtone-agent " + System.getProperty("dialtone.version"));
    }

    @Test
    @Order(6)
    void theInstalledUnitsPassSystemdAnalyzeVerifyWithoutAWarning() throws Exception {
        String output = chroot.ok(
                "systemd-analyze",
                "verify",
                "/lib/systemd/system/dialtone-agent.service",
                "/lib/systemd/system/dialtone-firewall.service",
                "/lib/systemd/system/dialtone-firstboot.service");

        assertThat(output).isBlank();
    }

    @Test
    @Order(6)
    void theAgentUnitStaysWithinTheExposureLimitOfSystemdAnalyze() throws Exception {
        String output =
                chroot.ok("systemd-analyze", "security", "--offline=yes", "/lib/systemd/system/dialtone-agent.service");

        Matcher overall = Pattern.compile("Overall exposure level for dialtone-agent.service: (\\d+\\.\\d)")
                .matcher(output);
        assertThat(overall.find()).as(output).isTrue();
        System.out.println("systemd-analyze security, dialtone-agent.service: exposure " + overall.group(1));
        assertThat(Double.parseDouble(overall.group(1)))
                .as("exposure (issue 11: at most 4.5)")
                .isLessThanOrEqualTo(4.5);
    }

    @Test
    @Order(7)
    void firstBootTakesTheBundleOverAndTakesTheSecretsOffTheCard() throws Exception {
        Path bundle = Files.createDirectories(chroot.path(BUNDLE));
        Certificates.issue(work, bundle, "dt-000123");
        Files.writeString(bundle.resolve("device-id"), "dt-000123\r\n");
        Files.writeString(bundle.resolve("installer-password"), PASSWORD + "\n");
        Files.writeString(bundle.resolve("mqtt-url"), "ssl://broker.example.net:8883\n");

        assertThat(chroot.ok("/usr/lib/dialtone/first-boot"))
                .contains("provisioned as device dt-000123, MQTT broker ssl://broker.example.net:8883");

        assertThat(Files.readAllLines(chroot.path("/etc/dialtone/provisioning.env")))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly(
                        "DIALTONE_DEVICE_ID=dt-000123",
                        "DIALTONE_INSTALLER_PASSWORD=\"pa ss#\\\"w\\$rd\\\\1\"",
                        "DIALTONE_MQTT_URL=ssl://broker.example.net:8883",
                        "DIALTONE_MQTT_TLS_CA=/etc/dialtone/tls/mqtt-ca.pem",
                        "DIALTONE_MQTT_TLS_CERT=/etc/dialtone/tls/device.pem",
                        "DIALTONE_MQTT_TLS_KEY=/etc/dialtone/tls/device.key");
        assertThat(stat(List.of(
                        "/etc/dialtone/provisioning.env",
                        "/etc/dialtone/tls",
                        "/etc/dialtone/tls/mqtt-ca.pem",
                        "/etc/dialtone/tls/device.pem",
                        "/etc/dialtone/tls/device.key")))
                .isEqualTo(Map.of(
                        "/etc/dialtone/provisioning.env", "640 root:dialtone",
                        "/etc/dialtone/tls", "750 root:dialtone",
                        "/etc/dialtone/tls/mqtt-ca.pem", "644 root:root",
                        "/etc/dialtone/tls/device.pem", "644 root:root",
                        "/etc/dialtone/tls/device.key", "640 root:dialtone"));
        assertThat(chroot.ok("runuser", "-u", "dialtone", "--", "cat", "/etc/dialtone/tls/device.key"))
                .as("the agent reads its key")
                .contains("PRIVATE KEY");

        assertThat(chroot.path(BUNDLE)).doesNotExist();
        Path done = chroot.path(BUNDLE + ".done");
        assertThat(done.resolve("installer-password")).doesNotExist();
        assertThat(done.resolve("device.key")).doesNotExist();
        assertThat(Files.readString(done.resolve("RESULT.txt"))).contains("as device dt-000123");
    }

    @Test
    @Order(8)
    void aBundleWithoutDeviceIdOrCertificatesUsesTheMachineIdAndKeepsTheCertificates() throws Exception {
        Path bundle = Files.createDirectories(chroot.path(BUNDLE));
        Files.writeString(bundle.resolve("installer-password"), "another-password\n");
        String machineId = Files.readString(chroot.path("/etc/machine-id")).trim();

        chroot.ok("/usr/lib/dialtone/first-boot");

        assertThat(Files.readAllLines(chroot.path("/etc/dialtone/provisioning.env")))
                .filteredOn(line -> !line.startsWith("#"))
                .containsExactly(
                        "DIALTONE_DEVICE_ID=dt-" + machineId, "DIALTONE_INSTALLER_PASSWORD=\"another-password\"");
        assertThat(chroot.path("/etc/dialtone/tls/device.key")).exists();
    }

    @Test
    @Order(9)
    void aBadBundleIsRefusedWithEveryProblemAndNothingApplied() throws Exception {
        Map<String, String> etcBefore = contents(chroot.path("/etc/dialtone"));
        Path bundle = Files.createDirectories(chroot.path(BUNDLE));
        Certificates.issue(work, bundle, "dt-000124");
        Certificates.otherKey(bundle.resolve("device.key"));
        Files.writeString(bundle.resolve("device-id"), "DT_124\n");
        Set<String> bundleFiles = names(bundle);

        Command result = chroot.run("/usr/lib/dialtone/first-boot");

        assertThat(result.exitCode()).isEqualTo(1);
        List<String> problems = List.of(
                "device-id: \"DT_124\" is not a device id",
                "installer-password: missing",
                "device.key: does not belong to device.pem");
        assertThat(result.output()).contains("nothing was applied").contains(problems);
        assertThat(Files.readString(bundle.resolve("PROBLEMS.txt"))).contains(problems);
        assertThat(contents(chroot.path("/etc/dialtone"))).isEqualTo(etcBefore);
        assertThat(names(bundle)).containsAll(bundleFiles);

        Files.writeString(bundle.resolve("device-id"), "dt-124\n");
        Files.writeString(bundle.resolve("installer-password"), "long-enough\n");
        Files.writeString(bundle.resolve("device.key"), "not a key\n");
        assertThat(chroot.run("/usr/lib/dialtone/first-boot").output())
                .contains("device.key: not a readable private key");
        Files.delete(bundle.resolve("mqtt-ca.pem"));
        assertThat(chroot.run("/usr/lib/dialtone/first-boot").output())
                .contains("mqtt-ca.pem, device.pem, device.key: all three are needed, or none");
        assertThat(contents(chroot.path("/etc/dialtone"))).isEqualTo(etcBefore);
        Command.ok(LIMIT, "rm", "-r", bundle.toString());
    }

    @Test
    @Order(10)
    void purgingLeavesNothingOfOursBehind() throws Exception {
        chroot.ok("dpkg", "--purge", "dialtone-agent");

        assertThat(difference(files(), filesBefore)).as("files the purge left").isEmpty();
        assertThat(difference(filesBefore, files())).as("files the purge took").isEmpty();
        assertThat(accounts()).isEqualTo(accountsBefore);
    }

    /** {@code path -> "mode owner:group"}, as the chroot's own users and groups name them. */
    private Map<String, String> stat(Iterable<String> paths) throws Exception {
        List<String> command = new ArrayList<>(List.of("stat", "--format=%n %a %U:%G"));
        paths.forEach(command::add);
        Map<String, String> result = new TreeMap<>();
        for (String line : chroot.ok(command.toArray(String[]::new)).lines().toList()) {
            int space = line.indexOf(' ');
            result.put(line.substring(0, space), line.substring(space + 1));
        }
        return result;
    }

    /** Every path in the chroot but the {@link #IGNORED} ones. */
    private Set<String> files() throws IOException {
        Set<String> paths = new TreeSet<>();
        Files.walkFileTree(chroot.root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String path = relative(dir) + "/";
                if (IGNORED.contains(path)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                paths.add(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                paths.add(relative(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return paths;
    }

    private String relative(Path path) {
        return chroot.root.relativize(path).toString();
    }

    private Map<String, String> accounts() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String file : ACCOUNTS) {
            files.put(file, Files.readString(chroot.path(file)));
        }
        return files;
    }

    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.toList()) {
                files.put(dir.relativize(path).toString(), Files.isRegularFile(path) ? Files.readString(path) : "/");
            }
        }
        return files;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (var list = Files.list(dir)) {
            return new TreeSet<>(list.map(path -> path.getFileName().toString()).toList());
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
