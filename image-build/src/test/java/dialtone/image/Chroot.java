package dialtone.image;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal Debian trixie root file system made with debootstrap in a temp dir, with /proc mounted;
 * closing it unmounts /proc and removes the tree (never through a mount point).
 */
final class Chroot implements AutoCloseable {
    static final String SUITE = "trixie";
    static final String MIRROR = "http://deb.debian.org/debian";
    private static final Path DEBOOTSTRAP = Path.of("/usr/sbin/debootstrap");
    private static final Duration LIMIT = Duration.ofMinutes(10);

    final Path root;

    private Chroot(Path root) {
        this.root = root;
    }

    /** Bootstraps Debian into a new temp dir; needs root and debootstrap (bin/prerequisites.txt). */
    static Chroot debootstrap() throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            fail("building a Debian chroot needs root (CI runs as root)");
        }
        if (!Files.isExecutable(DEBOOTSTRAP)) {
            fail("debootstrap is not installed: bin/prerequisites installs it (it is in bin/prerequisites.txt)");
        }
        // A root directory like any other: its users must be able to enter it.
        Chroot chroot = new Chroot(Files.createTempDirectory(
                "dialtone-chroot", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))));
        try {
            Command.ok(LIMIT, DEBOOTSTRAP.toString(), "--variant=minbase", SUITE, chroot.root.toString(), MIRROR);
            Command.ok(
                    LIMIT,
                    "mount",
                    "-t",
                    "proc",
                    "proc",
                    chroot.root.resolve("proc").toString());
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            chroot.close();
            throw e;
        }
        return chroot;
    }

    /** Runs {@code command} inside, as root, with a UTF-8 locale and no questions from apt. */
    Command run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(
                List.of("chroot", root.toString(), "env", "LC_ALL=C.UTF-8", "DEBIAN_FRONTEND=noninteractive"));
        line.addAll(List.of(command));
        return Command.run(LIMIT, line);
    }

    /** Runs {@code command} inside, which must succeed; returns its output. */
    String ok(String... command) throws IOException, InterruptedException {
        Command result = run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed in the chroot (exit " + result.exitCode()
                    + "):\n" + result.output());
        }
        return result.output();
    }

    Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Path proc = root.resolve("proc");
        if (mountedBelowRoot()) {
            Command.ok(LIMIT, "umount", proc.toString());
        }
        if (mountedBelowRoot()) {
            throw new IOException("something is still mounted below " + root + ": not removing it");
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private boolean mountedBelowRoot() throws IOException {
        String prefix = root.toRealPath() + "/";
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" ")[4])
                .anyMatch(mountPoint -> mountPoint.startsWith(prefix));
    }
}
