package dialtone.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run to its end with its output (stdout and stderr together); stopped by PID if it hangs. */
record Command(int exitCode, String output) {
    static Command run(Duration limit, String... command) throws IOException, InterruptedException {
        return run(limit, List.of(command));
    }

    static Command run(Duration limit, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the process is gone; what was read is kept
            }
        });
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            reader.join();
            throw new AssertionError(command + " still running after " + limit + ":\n" + output);
        }
        reader.join();
        return new Command(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code command}, which must succeed; returns its output. */
    static String ok(Duration limit, String... command) throws IOException, InterruptedException {
        Command result = run(limit, command);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    String.join(" ", command) + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
    }
}
