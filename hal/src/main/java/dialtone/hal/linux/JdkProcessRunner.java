package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.sys.ProcessResult;
import dialtone.hal.sys.ProcessRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands with {@link ProcessBuilder}. Standard input is written and both outputs drained on
 * virtual threads, so a chatty command can never deadlock on a full pipe; each output keeps at
 * most {@value #MAX_OUTPUT_BYTES} bytes.
 */
public final class JdkProcessRunner implements ProcessRunner {
    static final int MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    @Override
    public ProcessResult run(List<String> argv, String stdin, Duration timeout) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        String operation = "run " + argv.getFirst();
        Process process = start(argv, stdin != null, operation);
        try (ExecutorService io = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("proc-io-", 0).factory())) {
            Future<?> input = io.submit(() -> feed(process.getOutputStream(), stdin));
            Future<byte[]> out = io.submit(() -> drain(process.getInputStream()));
            Future<byte[]> err = io.submit(() -> drain(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new HalException(operation, "timed out after " + timeout.toMillis() + " ms");
            }
            input.get();
            return new ProcessResult(process.exitValue(), text(out.get()), text(err.get()));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new HalException(operation, "interrupted");
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new HalException(
                    operation, "I/O with the command failed: " + e.getCause().getMessage(), e);
        }
    }

    private static Process start(List<String> argv, boolean withInput, String operation) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (!withInput) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            return builder.start();
        } catch (IOException e) {
            throw new HalException(operation, "cannot start: " + e.getMessage(), e);
        }
    }

    private static Void feed(OutputStream stdin, String text) throws IOException {
        if (text == null) {
            return null;
        }
        try (stdin) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The command exited without reading all of its input; its exit code tells the story.
        }
        return null;
    }

    private static byte[] drain(InputStream stream) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (stream) {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                int room = MAX_OUTPUT_BYTES - kept.size();
                kept.write(buffer, 0, Math.min(n, Math.max(room, 0)));
            }
        }
        return kept.toByteArray();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
