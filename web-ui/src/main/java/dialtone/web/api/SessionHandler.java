package dialtone.web.api;

import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.LoginThrottle;
import dialtone.web.auth.SessionGuard;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.LoginAudit;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.tinylog.Logger;

/**
 * {@code POST /api/v1/session} logs in with {@code {"password": "..."}} and answers the CSRF token;
 * {@code DELETE} logs out. The password is never logged, echoed or kept.
 */
public final class SessionHandler extends JsonHandler {
    private final InstallerPassword password;
    private final SessionGuard guard;
    private final LoginAudit logins;
    private final LoginThrottle throttle;

    public SessionHandler(InstallerPassword password, SessionGuard guard, LoginAudit logins, LoginThrottle throttle) {
        this.password = password;
        this.guard = guard;
        this.logins = logins;
        this.throttle = throttle;
    }

    /** Whether the device has a password yet (else the first-start page) and this client is in. */
    @Override
    protected Reply get(Request request, Response response) {
        return Reply.ok(Map.of("passwordSet", password.isSet(), "loggedIn", guard.loggedIn(request)));
    }

    @Override
    protected Reply post(Request request, Response response) {
        JsonFields body = new JsonFields(JsonBody.read(request));
        String candidate = body.string("password");
        body.done();
        String from = Request.getRemoteAddr(request);
        refuseWhileThrottled(from, response);
        return check(candidate, from, response);
    }

    private Reply check(String candidate, String from, Response response) {
        return switch (password.check(candidate)) {
            case MATCH -> {
                throttle.succeeded(from);
                yield Reply.ok(Map.of("csrfToken", guard.open(response).csrfToken()));
            }
            case MISMATCH -> {
                throttle.failed(from);
                Logger.info("Installer login refused: wrong password (from {})", from);
                logins.refused(from);
                throw new ApiException(401, "wrong-password", "The password is not correct.");
            }
            case NOT_SET ->
                throw new ApiException(
                        409,
                        "no-password",
                        "This device has no installer password yet; provisioning sets it "
                                + "(DIALTONE_INSTALLER_PASSWORD) or the first-start page (POST "
                                + SetupPasswordHandler.PATH
                                + ").");
        };
    }

    /**
     * A 429 with Retry-After while this client must wait, before the password is even hashed (so
     * guessing costs no CPU either).
     */
    private void refuseWhileThrottled(String from, Response response) {
        throttle.waitFor(from).ifPresent(wait -> {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, seconds);
            logins.refused(from); // still someone trying passwords, for the login watch
            throw new ApiException(
                    429, "too-many-attempts", "Too many wrong passwords; try again in " + seconds + " seconds.");
        });
    }

    @Override
    protected Reply delete(Request request, Response response) {
        guard.close(guard.require(request), response);
        return Reply.ok(Map.of("loggedOut", true));
    }
}
