package dialtone.hal;

/**
 * A hardware or OS operation failed: a command exited non-zero, timed out, or answered something
 * we could not understand. Carries the operation ({@code "nft apply"}) and a short detail for the
 * event log; adapters throw it instead of leaking IOExceptions or exit codes.
 */
public class HalException extends RuntimeException {
    private final String operation;

    public HalException(String operation, String detail) {
        super(operation + ": " + detail);
        this.operation = operation;
    }

    public HalException(String operation, String detail, Throwable cause) {
        super(operation + ": " + detail, cause);
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
