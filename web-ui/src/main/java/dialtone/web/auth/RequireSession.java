package dialtone.web.auth;

import dialtone.web.json.ApiException;
import dialtone.web.json.JsonResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Lets a request through to the wrapped resource only with a live session (and CSRF token). */
public final class RequireSession extends Handler.Wrapper {
    private final SessionGuard guard;

    public RequireSession(SessionGuard guard, Handler resource) {
        super(resource);
        this.guard = guard;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        try {
            guard.require(request);
        } catch (ApiException denied) {
            JsonResponse.error(response, callback, denied);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
