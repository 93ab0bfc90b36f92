package dialtone.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The file a process under test writes its log to, read as it grows. */
record LogFile(Path file, String what) {

    /** What it holds so far, or why there is nothing to read. */
    String read() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no " + what + ": " + e.getMessage() + ")";
        }
    }

    /** Waits up to {@code limit} for {@code text}; returns all it holds then, or fails the test with it. */
    String await(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            String log = read();
            if (log.contains(text)) {
                return log;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + text + "' in the " + what + " within " + limit + "\n" + read());
    }
}
