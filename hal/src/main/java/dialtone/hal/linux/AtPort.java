package dialtone.hal.linux;

import dialtone.hal.HalException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One AT command port (a tty ModemManager was told to leave alone): a command out, its reply lines
 * back up to the final result code. The tty is set raw with a 0.1 s read timeout, so a modem that
 * says nothing is noticed by the deadline, not by a thread stuck in {@code read}. Unsolicited lines
 * arriving in between are dropped by the caller's prefix filter. One command at a time.
 */
final class AtPort {
    private static final Pattern FINAL = Pattern.compile("OK|ERROR|NO CARRIER|\\+CME ERROR:.*|\\+CMS ERROR:.*");

    private final Path device;
    private final Commands commands;
    private RandomAccessFile tty;

    AtPort(Path device, Commands commands) {
        this.device = device;
        this.commands = commands;
    }

    boolean present() {
        return Files.exists(device);
    }

    /** The reply lines before {@code OK}; any error result is a {@link HalException} naming it. */
    synchronized List<String> send(String command, Duration timeout) {
        String operation = "AT " + command.replaceAll("\".*\"", "\"...\""); // never a PIN or password in a message
        try {
            RandomAccessFile port = open();
            drainPending(port);
            port.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            return reply(port, operation, timeout);
        } catch (IOException e) {
            close();
            throw new HalException(operation, device + ": " + e.getMessage(), e);
        }
    }

    synchronized void close() {
        if (tty != null) {
            try {
                tty.close();
            } catch (IOException e) {
                // gone already
            }
            tty = null;
        }
    }

    private List<String> reply(RandomAccessFile port, String operation, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[256];
        while (System.nanoTime() < deadline) {
            int n = port.read(buffer);
            for (int i = 0; i < n; i++) {
                char c = (char) (buffer[i] & 0xff);
                if (c != '\r' && c != '\n') {
                    line.append(c);
                    continue;
                }
                String text = line.toString().strip();
                line.setLength(0);
                if (text.isEmpty()) {
                    continue;
                }
                if (FINAL.matcher(text).matches()) {
                    if (text.equals("OK")) {
                        return lines;
                    }
                    throw new HalException(operation, text);
                }
                lines.add(text);
                if (lines.size() > 200) {
                    throw new HalException(operation, "endless reply (garbage on the port?)");
                }
            }
        }
        close(); // a late reply must not be read as the answer to the next command
        throw new HalException(operation, "no answer within " + timeout.toMillis() + " ms");
    }

    private RandomAccessFile open() throws IOException {
        if (tty == null) {
            if (!present()) {
                throw new IOException("no such port");
            }
            commands.run(List.of("stty", "-F", device.toString(), "raw", "-echo", "min", "0", "time", "1"));
            tty = new RandomAccessFile(device.toFile(), "rw");
        }
        return tty;
    }

    /** Whatever arrived unasked since the last command (URCs, a late reply). */
    private static void drainPending(RandomAccessFile port) throws IOException {
        byte[] buffer = new byte[256];
        // one short read: the tty returns at once when nothing is there (VMIN 0, after VTIME)
        port.read(buffer);
    }
}
