package dialtone.agent.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The kernel's id of this boot: monotonic times are only comparable within one. */
public final class BootId {
    static final Path KERNEL = Path.of("/proc/sys/kernel/random/boot_id");

    private BootId() {}

    public static String current() {
        try {
            return Files.readString(KERNEL).strip();
        } catch (IOException e) {
            return "unknown-" + UUID.randomUUID(); // not Linux: never matches, so pending bytes land at "now"
        }
    }
}
