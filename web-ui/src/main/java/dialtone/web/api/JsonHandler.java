package dialtone.web.api;

import dialtone.web.json.ApiError;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tinylog.Logger;

/**
 * Base of every API resource: dispatches on the method, answers JSON (or a {@link Download}), and
 * turns every failure into a JSON error. A 4xx says what was wrong with the request; an unexpected
 * exception is a bug, logged once with its stack trace and answered 500 without it.
 */
public abstract class JsonHandler extends Handler.Abstract {

    /** The status and body of an answer. */
    public record Reply(int status, Object body) {
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    /** A file the browser saves (never cached) instead of JSON, as the body of a {@link Reply}. */
    public record Download(String contentType, String fileName, byte[] bytes) {}

    protected Reply get(Request request, Response response) {
        throw notAllowed(request);
    }

    protected Reply post(Request request, Response response) {
        throw notAllowed(request);
    }

    protected Reply put(Request request, Response response) {
        throw notAllowed(request);
    }

    protected Reply delete(Request request, Response response) {
        throw notAllowed(request);
    }

    @Override
    public final boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = dispatch(request, response);
        } catch (ApiException e) {
            reply = new Reply(e.status(), e.body());
        } catch (RuntimeException e) {
            reply = unexpected(request, e);
        }
        if (reply.body() instanceof Download file) {
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, file.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders()
                    .put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"");
            response.write(true, ByteBuffer.wrap(file.bytes()), callback);
        } else {
            JsonResponse.send(response, callback, reply.status(), reply.body());
        }
        return true;
    }

    /** For resources that take no query: a 400 when there is one. */
    protected static void noQuery(Request request) {
        if (request.getHttpURI().getQuery() != null) {
            throw new ApiException(400, "invalid", "This resource takes no query parameters.");
        }
    }

    /** Jetty's own 4xx (a query that is not UTF-8, say) is the client's; anything else is a bug. */
    private static Reply unexpected(Request request, RuntimeException e) {
        if (e instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
            return new Reply(
                    http.getCode(), new ApiError("bad-request", "The request is malformed (e.g. not UTF-8).", null));
        }
        Logger.error(
                e,
                "Bug while answering {} {}",
                request.getMethod(),
                request.getHttpURI().getDecodedPath());
        return new Reply(500, new ApiError("internal", "The agent hit an internal error; it was logged.", null));
    }

    private Reply dispatch(Request request, Response response) {
        return switch (request.getMethod()) {
            case "GET" -> get(request, response);
            case "POST" -> post(request, response);
            case "PUT" -> put(request, response);
            case "DELETE" -> delete(request, response);
            default -> throw notAllowed(request);
        };
    }

    private static ApiException notAllowed(Request request) {
        return new ApiException(405, "method-not-allowed", request.getMethod() + " is not allowed here.");
    }
}
