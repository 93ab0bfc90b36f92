package dialtone.web.api;

import dialtone.web.auth.InstallerPassword;
import dialtone.web.auth.SessionGuard;
import dialtone.web.json.ApiException;
import dialtone.web.json.JsonBody;
import dialtone.web.json.JsonFields;
import dialtone.web.port.LoginAudit;
import java.util.Map;
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

    public SessionHandler(InstallerPassword password, SessionGuard guard, LoginAudit logins) {
        this.password = password;
        this.guard = guard;
        this.logins = logins;
    }

    @Override
    protected Reply post(Request request, Response response) {
        JsonFields body = new JsonFields(JsonBody.read(request));
        String candidate = body.string("password");
        body.done();
        return switch (password.check(candidate)) {
            case MATCH -> Reply.ok(Map.of("csrfToken", guard.open(response).csrfToken()));
            case MISMATCH -> {
                Logger.info("Installer login refused: wrong password (from {})", Request.getRemoteAddr(request));
                logins.refused(Request.getRemoteAddr(request));
                throw new ApiException(401, "wrong-password", "The password is not correct.");
            }
            case NOT_SET ->
                throw new ApiException(
                        409,
                        "no-password",
                        "This device has no installer password yet; provisioning sets it "
                                + "(DIALTONE_INSTALLER_PASSWORD).");
        };
    }

    @Override
    protected Reply delete(Request request, Response response) {
        guard.close(guard.require(request), response);
        return Reply.ok(Map.of("loggedOut", true));
    }
}
