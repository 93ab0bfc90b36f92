package dialtone.hal.sys;

import java.time.Duration;
import java.util.List;

/**
 * Runs an OS command as an argv list (never a shell string) with a hard timeout. The only way the
 * agent's adapters touch {@code ip}, {@code nft}, {@code conntrack} or {@code mmcli}.
 */
public interface ProcessRunner {

    /**
     * @param stdin text written to the command's standard input, or {@code null} for none
     * @return the exit code and output; a command that cannot start or outlives the timeout is a
     *     {@code HalException}, a non-zero exit is not (the caller decides what it means)
     */
    ProcessResult run(List<String> argv, String stdin, Duration timeout);
}
