package dialtone.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastExitTest {
    private static final Path RECORD_EXIT = Path.of("..", "systemd", "record-exit");

    @TempDir
    Path dir;

    @Test
    void whatSystemdsStopRecordSaysIsReadOnce() throws Exception {
        Path file = dir.resolve("last-exit");
        recordExit(file, Map.of("SERVICE_RESULT", "watchdog", "EXIT_CODE", "killed", "EXIT_STATUS", "ABRT"));

        LastExit exit = LastExit.take(file).orElseThrow();

        assertThat(exit).isEqualTo(new LastExit("watchdog", "killed", "ABRT"));
        assertThat(exit.hung()).isTrue();
        assertThat(exit.describe()).isEqualTo("it hung and the watchdog restarted it");
        assertThat(LastExit.take(file)).isEmpty(); // it told about one stop
    }

    @Test
    void aCrashAndAnExitAreToldApart() throws Exception {
        Path file = dir.resolve("last-exit");
        recordExit(file, Map.of("SERVICE_RESULT", "signal", "EXIT_CODE", "killed", "EXIT_STATUS", "SEGV"));
        assertThat(LastExit.take(file).orElseThrow().describe()).isEqualTo("it was killed by signal SEGV");

        recordExit(file, Map.of("SERVICE_RESULT", "exit-code", "EXIT_CODE", "exited", "EXIT_STATUS", "1"));
        LastExit exited = LastExit.take(file).orElseThrow();
        assertThat(exited.hung()).isFalse();
        assertThat(exited.describe()).isEqualTo("it exited with status 1");
    }

    @Test
    void noRecordOrAGarbledOneIsNothingToReport() throws Exception {
        assertThat(LastExit.take(dir.resolve("absent"))).isEmpty();
        Path garbled = Files.writeString(dir.resolve("last-exit"), "\u0000\u0000 half a line");
        assertThat(LastExit.take(garbled)).isEmpty();
        assertThat(garbled).doesNotExist();
        assertThat(LastExit.parse("result=\ncode=exited\n")).isEqualTo(Optional.empty());
    }

    /** Runs the script systemd runs after the agent stopped, with the variables systemd sets. */
    private static void recordExit(Path file, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", RECORD_EXIT.toString(), file.toString()).inheritIO();
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }
}
