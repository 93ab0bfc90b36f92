package dialtone.web.json;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes a JSON answer; API answers are never cached. */
public final class JsonResponse {
    private JsonResponse() {}

    public static void send(Response response, Callback callback, int status, Object body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, Json.write(body), callback);
    }

    public static void error(Response response, Callback callback, ApiException error) {
        send(response, callback, error.status(), error.body());
    }
}
