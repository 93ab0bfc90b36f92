package dialtone.agent.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A daemon started inside one of the lab's namespaces; stopped by its PID. */
public final class LabProcess implements AutoCloseable {
    final Process process;
    final Path output;

    private LabProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static LabProcess start(Lab lab, String ns, Path workDir, List<String> argv) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.ns(ns)));
        command.addAll(argv);
        Path output = Files.createTempFile(workDir, ns, ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DIALTONE_"));
        return lab.keep(new LabProcess(builder.start(), output));
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGTERM to the process and everything it started (a shell pipeline), then SIGKILL after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        if (process.isAlive()) {

            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
