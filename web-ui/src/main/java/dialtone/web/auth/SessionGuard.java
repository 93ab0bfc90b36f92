package dialtone.web.auth;

import dialtone.web.auth.Sessions.Session;
import dialtone.web.json.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * The session cookie and the CSRF rule: every request but a login needs a live session, and every
 * state-changing one must also carry the session's token in {@value #CSRF_HEADER}.
 */
public final class SessionGuard {
    public static final String COOKIE = "dialtone_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final boolean secureCookies;

    public SessionGuard(Sessions sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /** The request's session, or a 401 (no live session) or 403 (missing or wrong CSRF token). */
    public Session require(Request request) {
        Session session = sessions.find(cookie(request))
                .orElseThrow(() -> new ApiException(401, "unauthorized", "Log in first."));
        if (!SAFE_METHODS.contains(request.getMethod()) && !tokenMatches(request, session)) {
            throw new ApiException(403, "csrf", "Missing or wrong " + CSRF_HEADER + " header.");
        }
        return session;
    }

    /** Whether the request carries a live session (which counts as activity). */
    public boolean loggedIn(Request request) {
        return sessions.find(cookie(request)).isPresent();
    }

    public Session open(Response response) {
        Session session = sessions.open();
        Response.addCookie(response, cookie(session.id(), -1));
        return session;
    }

    public void close(Session session, Response response) {
        sessions.close(session.id());
        Response.addCookie(response, cookie("", 0));
    }

    private HttpCookie cookie(String value, long maxAgeSeconds) {
        return HttpCookie.build(COOKIE, value)
                .path("/")
                .httpOnly(true)
                .secure(secureCookies)
                .sameSite(HttpCookie.SameSite.STRICT)
                .maxAge(maxAgeSeconds)
                .build();
    }

    private static String cookie(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static boolean tokenMatches(Request request, Session session) {
        String sent = request.getHeaders().get(CSRF_HEADER);
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
