package dialtone.hal.sys;

/** What a finished command printed and how it exited. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The last lines of stderr, short enough for an event or log line. */
    public String stderrTail() {
        String trimmed = stderr.strip();
        return trimmed.length() <= 300 ? trimmed : "..." + trimmed.substring(trimmed.length() - 300);
    }
}
