package dialtone.web.api;

import dialtone.web.json.ApiError;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonResponse;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tinylog.Logger;

/**
 * Base of every API resource: dispatches on the method, answers JSON, and turns every failure
 * into a JSON error. A 4xx says what was wrong with the request; an unexpected exception is a bug,
 * logged once with its stack trace and answered 500 without it.
 */
public abstract class JsonHandler extends Handler.Abstract {

    /** The status and body of an answer. */
    public record Reply(int status, Object body) {
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

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
        JsonResponse.send(response, callback, reply.status(), reply.body());
        return true;
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
