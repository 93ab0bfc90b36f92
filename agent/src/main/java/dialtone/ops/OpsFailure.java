package dialtone.ops;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** Why {@code dialtone-ops} stops: one line for the operator and the exit code that goes with it. */
final class OpsFailure extends RuntimeException {
    final int exitCode;

    OpsFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** An I/O problem with a file in words, without the exception's class name. */
    static String why(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no file " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileAlreadyExistsException exists -> exists.getFile() + " exists already";
            default -> String.valueOf(e.getMessage());
        };
    }
}
