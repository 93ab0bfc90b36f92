package dialtone.web;

import dialtone.web.json.ApiError;
import dialtone.web.json.JsonResponse;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Errors raised by Jetty itself (unknown path, malformed HTTP) answered as JSON, never a stack. */
public final class JsonErrorHandler extends ErrorHandler {

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String error = code == 404 ? "not-found" : code >= 500 ? "internal" : "bad-request";
        String text = code >= 500 ? "The agent hit an internal error; it was logged." : HttpStatus.getMessage(code);
        JsonResponse.send(response, callback, code, new ApiError(error, text, null));
    }
}
