package dialtone.agent.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a command, on {@code res}: {@code {"id", "code", "msg", "body"}} with HTTP-like
 * codes (200 done, 202 started, 400 bad arguments, 403 not allowed, 404 unknown command, 409 not
 * now, 410 expired, 500 failed).
 */
record Response(String id, int code, String message, Object body) {

    static Response ok(String id, String message, Object body) {
        return new Response(id, 200, message, body);
    }

    static Response refused(String id, int code, String message) {
        return new Response(id, code, message, null);
    }

    /** Bad arguments, field by field, as the HTTP API reports them. */
    static Response invalid(String id, Map<String, String> fieldErrors) {
        return new Response(id, 400, "invalid arguments", Map.of("fieldErrors", fieldErrors));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("code", code);
        json.put("msg", message);
        json.put("body", body);
        return json;
    }
}
