package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml and the routes of {@link WebApp} in step: every documented operation is
 * answered by a handler (not the unknown-API 404, not 405), and every route WebApp maps is
 * documented.
 */
class OpenApiTest {
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete):\\s*$");
    private static final Pattern SPEC_IN_DUMP = Pattern.compile("PathSpec@[0-9a-f]+\\{[A-Z_]+,([^}]*)\\}");

    private final LocalApi api = new LocalApi(Fixtures::status, new Fixtures.RecordingSim());

    OpenApiTest() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void everyDocumentedOperationHasAHandler() throws Exception {
        api.login(LocalApi.PASSWORD);
        Set<String> unrouted = new TreeSet<>();
        for (String operation : documented()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = "/api/v1" + operation.substring(operation.indexOf(' ') + 1);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            HttpTester.Response response = api.send(method, path, body);
            boolean unknown =
                    response.getStatus() == 405 || response.getContent().contains("No API resource at");
            if (unknown) {
                unrouted.add(operation);
            }
            if (operation.equals("DELETE /session")) {
                api.login(LocalApi.PASSWORD);
            }
        }

        assertThat(unrouted)
                .as("documented in openapi.yaml, but WebApp does not answer")
                .isEmpty();
    }

    @Test
    void everyRouteOfWebAppIsDocumented() throws Exception {
        Set<String> documentedPaths = new TreeSet<>();
        for (String operation : documented()) {
            documentedPaths.add("/api/v1" + operation.substring(operation.indexOf(' ') + 1));
        }
        Set<String> routes = routes();
        assertThat(routes).as("the route table was found").contains("/api/v1/health");

        for (String route : routes) {
            if (route.equals("/") || route.equals("/api/*")) {
                continue; // the installer page and the unknown-API 404
            }
            String prefix = route.endsWith("/*") ? route.substring(0, route.length() - 2) : route;
            assertThat(documentedPaths)
                    .as("route %s is in docs/openapi.yaml", route)
                    .anyMatch(p -> p.equals(prefix) || p.startsWith(prefix + "/"));
        }
    }

    private static Set<String> routes() {
        Handler app = WebApp.create(
                new WebApp.Ports(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new Fixtures.RecordingSim()),
                dialtone.web.auth.Sessions.withDefaults(),
                false);
        PathMappingsHandler table = ((Handler.Container) app).getDescendant(PathMappingsHandler.class);
        Set<String> routes = new LinkedHashSet<>();
        Matcher m = SPEC_IN_DUMP.matcher(table.dump());
        while (m.find()) {
            routes.add(m.group(1));
        }
        return routes;
    }

    private static Set<String> documented() throws Exception {
        Set<String> operations = new LinkedHashSet<>();
        String path = null;
        for (String line : Files.readAllLines(SPEC)) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                operations.add(m.group(1).toUpperCase(Locale.ROOT) + " " + path);
            } else if (!line.startsWith(" ") && !line.isBlank()) {
                path = null;
            }
        }
        assertThat(operations).as("operations in " + SPEC).hasSizeGreaterThan(20);
        return operations;
    }
}
