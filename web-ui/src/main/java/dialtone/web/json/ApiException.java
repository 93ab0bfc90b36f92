package dialtone.web.json;

import java.util.Map;

/** Ends a request with a 4xx JSON error. Thrown by handlers and body parsing, caught once. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final ApiError body;

    public ApiException(int status, String error, String message) {
        this(status, new ApiError(error, message, Map.of()));
    }

    public ApiException(int status, ApiError body) {
        super(body.message(), null, false, false);
        this.status = status;
        this.body = body;
    }

    public static ApiException invalid(Map<String, String> fieldErrors) {
        return new ApiException(400, new ApiError("invalid", "Some fields are not valid.", fieldErrors));
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
