package dialtone.hal.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable AT modem on a pseudo-terminal: socat links a pty to a small responder that answers
 * each command with the reply written for it (a file per command, editable while it runs),
 * {@code OK} to any other command, {@code ERROR} to any other query; waits {@code delay} seconds
 * first when that file exists; logs every command. Closing it unplugs the modem (the link goes).
 */
final class FakeAtModem implements AutoCloseable {
    /** Replies of a Quectel EC25 on a US carrier, registered at home with a data context up. */
    static final Map<String, String> EC25 = Map.ofEntries(
            Map.entry("AT+CGSN", "861107032685597"),
            Map.entry("AT+CPIN?", "+CPIN: READY"),
            Map.entry("AT+CESQ", "+CESQ: 99,99,255,255,22,44"),
            Map.entry("AT+CSQ", "+CSQ: 23,99"),
            Map.entry("AT+CCID", "+CCID: 8901260882310000123F"),
            Map.entry("AT+CIMI", "310260123456789"),
            Map.entry("AT+CEREG?", "+CEREG: 2,1,\"2B67\",\"01A2D30F\",7"),
            Map.entry("AT+COPS?", "+COPS: 0,0,\"T-Mobile\",7"),
            Map.entry("AT+CGACT?", "+CGACT: 1,1\r\n+CGACT: 2,0"),
            Map.entry(
                    "AT+CGDCONT?",
                    "+CGDCONT: 1,\"IPV4V6\",\"fast.t-mobile.com\",\"0.0.0.0\",0,0\r\n+CGDCONT: 2,\"IPV4V6\",\"ims\",\"0.0.0.0\",0,0"),
            Map.entry("AT+CGPADDR=1", "+CGPADDR: 1,\"100.64.12.34\""));

    private final Path dir;
    private final Path tty;
    private Process socat;

    FakeAtModem(Path dir, Map<String, String> replies) throws IOException, InterruptedException {
        this.dir = Files.createDirectories(dir);
        this.tty = dir.resolve("ttyUSB2");
        for (var reply : replies.entrySet()) {
            reply(reply.getKey(), reply.getValue() + "\r\n\r\nOK");
        }
        Files.writeString(dir.resolve("responder.sh"), """
                d=$(dirname "$0")
                while IFS= read -r -d $'\\r' line; do
                  line=${line//$'\\n'/}
                  echo "$line" >> "$d/commands"
                  [[ -f $d/delay ]] && sleep "$(cat "$d/delay")"
                  f="$d/reply-$(printf '%s' "$line" | tr -c 'A-Za-z0-9' '_')"
                  if [[ -f $f ]]; then printf '\\r\\n%s\\r\\n' "$(cat "$f")"
                  elif [[ $line != *\\?* ]]; then printf '\\r\\nOK\\r\\n'
                  else printf '\\r\\nERROR\\r\\n'; fi
                done
                """);
        plug();
    }

    Path tty() {
        return tty;
    }

    /** The whole reply to {@code command}, final result code included. */
    void reply(String command, String text) throws IOException {
        Files.writeString(dir.resolve("reply-" + command.replaceAll("[^A-Za-z0-9]", "_")), text);
    }

    void delay(double seconds) throws IOException {
        Files.writeString(dir.resolve("delay"), Double.toString(seconds));
    }

    List<String> commands() throws IOException {
        Path log = dir.resolve("commands");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void plug() throws IOException, InterruptedException {
        socat = new ProcessBuilder("socat", "PTY,raw,echo=0,link=" + tty, "EXEC:bash " + dir.resolve("responder.sh"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!Files.exists(tty)) {
            if (!socat.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "socat did not make the pty: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
    }

    void unplug() throws InterruptedException {
        socat.destroy(); // this process, by its handle: never by name
        socat.waitFor(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (Files.exists(tty) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        if (socat != null && socat.isAlive()) {
            socat.destroyForcibly();
            try {
                socat.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
