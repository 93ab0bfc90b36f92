package dialtone.web.json;

import java.util.Map;

/**
 * Every error the API answers: {@code {"error": code, "message": text, "fieldErrors": {path:
 * text}}}. The code is stable for programs, the message is for people, never a stack trace.
 */
public record ApiError(String error, String message, Map<String, String> fieldErrors) {
    public ApiError {
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }
}
