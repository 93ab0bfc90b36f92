// Fuzzes the agent's HTTP API and measures GET /api/v1/status latency (see bench/README.md).
// Run with the JDK's single-file launcher:
//   java bench/ApiFuzz.java BASE_URL PASSWORD [requests=10000] [seed=1] [latency-requests=2000]
// Loopback only: it refuses any other host. Exit 0 when no answer was a 5xx and health is ok after.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ApiFuzz {
    static final List<String> PATHS = List.of(
            "/api/v1/health", "/api/v1/session", "/api/v1/setup/password", "/api/v1/status", "/api/v1/mode",
            "/api/v1/failover-test", "/api/v1/events", "/api/v1/usage", "/api/v1/usage/correction",
            "/api/v1/location", "/api/v1/location/confirm", "/api/v1/notify/test", "/api/v1/modem/settings",
            "/api/v1/modem/antenna", "/api/v1/sim", "/api/v1/sim/primary", "/api/v1/sim/lte",
            "/api/v1/sim/modem", "/api/v1/sim/calls", "/api/v1/sim/clock", "/api/v1/config",
            "/api/v1/diagnostics", "/api/v1/nope", "/api/v2/status", "/", "/index.html", "/app.js");
    // No "password": a wrong one would throttle this client's own logins (that is LoginThrottleTest's).
    static final List<String> FIELDS = List.of(
            "mode", "state", "lossPercent", "signalBars", "registered", "present", "fault", "active",
            "advanceSeconds", "carrierBytes", "apn", "apnUser", "apnPassword", "simPin", "roamingAllowed",
            "houseNumber", "streetName", "city", "zip", "country", "multiStorey", "floor", "callbackNumber",
            "set", "unset", "since", "x", "", "\u202e", "a\u0000b");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    static final List<String> TYPES = List.of(
            "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/JSON", "");

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    final String password;
    final Random random;
    String cookie;
    String csrf;

    ApiFuzz(String base, String password, long seed) {
        this.base = base;
        this.password = password;
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java ApiFuzz.java BASE_URL PASSWORD [requests] [seed] [latency-requests]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(uri.getHost())) {
            System.err.println("refusing to fuzz " + uri.getHost() + ": loopback only");
            System.exit(2);
        }
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int latencyRequests = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        ApiFuzz fuzz = new ApiFuzz(args[0].replaceAll("/$", ""), args[1], seed);
        boolean ok = fuzz.fuzz(count);
        if (latencyRequests > 0) {
            fuzz.latency(latencyRequests);
        }
        System.exit(ok ? 0 : 1);
    }

    boolean fuzz(int count) throws Exception {
        if (!login()) {
            System.err.println("cannot log in; is the password right?");
            return false;
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        int fivexx = 0;
        int closedEarly = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            if (i % 50 == 0 || cookie == null) {
                login();
            }
            HttpRequest request = request();
            if (request == null) {
                continue;
            }
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                // the agent answered early (413 before reading an oversized body) and closed
                sent++;
                closedEarly++;
                continue;
            }
            sent++;
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() >= 500) {
                fivexx++;
                System.err.println("5xx: " + request.method() + " " + request.uri() + " -> " + response.body());
            }
            String body = response.body();
            if (body.contains("Exception") || body.contains("\tat ")) {
                fivexx++;
                System.err.println("stack trace in: " + request.method() + " " + request.uri());
            }
        }
        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        boolean healthy = health.statusCode() == 200 && health.body().contains("\"ok\"");
        System.out.println("requests " + sent + ", by status " + statuses + ", 5xx or stack traces " + fivexx
                + ", connection closed while sending (answered before an oversized body was read) " + closedEarly
                + ", health after " + (healthy ? "ok" : health.statusCode() + " " + health.body()));
        return fivexx == 0 && healthy && sent >= count * 9 / 10;
    }

    HttpRequest request() {
        String method = pick(METHODS);
        String path = path();
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            return null;
        }
        byte[] body = random.nextInt(4) == 0 ? null : body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        String type = pick(TYPES);
        if (body != null && !type.isEmpty()) {
            builder.header("Content-Type", type);
        }
        boolean loggedIn = random.nextInt(4) != 0;
        if (loggedIn && cookie != null) {
            builder.header("Cookie", random.nextInt(20) == 0 ? cookie + "x" : cookie);
        }
        int csrfChoice = random.nextInt(5);
        if (csrf != null && csrfChoice < 3) {
            builder.header("X-CSRF-Token", csrf);
        } else if (csrfChoice == 3) {
            builder.header("X-CSRF-Token", text(random.nextInt(80)).replaceAll("[^\\x20-\\x7e]", "?"));
        }
        if (random.nextInt(10) == 0) {
            builder.header("Accept", pick(List.of("*/*", "text/html", "application/json", "x/y;q=0")));
        }
        return builder.build();
    }

    String path() {
        String path = pick(PATHS);
        switch (random.nextInt(8)) {
            case 0 -> path += "/" + escaped(random.nextInt(30));
            case 1 -> path += "?" + pick(List.of("limit", "before", "type", "x", "")) + "=" + escaped(random.nextInt(12));
            case 2 -> path += "?limit=" + (random.nextInt(400) - 100) + "&before=" + random.nextLong();
            case 3 -> path = path.replace("/v1/", "/v1//");
            case 4 -> path += "/../status";
            default -> {}
        }
        return path;
    }

    /** Random bytes, percent-encoded: NUL, surrogates' UTF-8, RTL, slashes. */
    String escaped(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = random.nextInt(4) == 0 ? random.nextInt(256) : 'a' + random.nextInt(26);
            s.append(b >= 'a' && b <= 'z' ? String.valueOf((char) b) : String.format("%%%02X", b));
        }
        return s.toString();
    }

    byte[] body() {
        return switch (random.nextInt(8)) {
            case 0 -> randomBytes(random.nextInt(200));
            case 1 -> ("{\"a\": " + "[".repeat(random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"apn\": \"" + "x".repeat(16_000 + random.nextInt(10_000)) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 3 -> pick(List.of("", "null", "[]", "{}", "{} {}", "42", "\"s\"", "{'a':1}", "{\"mode\":\"auto\",\"mode\":1}"))
                    .getBytes(StandardCharsets.UTF_8);
            default -> object(0).getBytes(StandardCharsets.UTF_8);
        };
    }

    String object(int depth) {
        StringBuilder s = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(quote(random.nextInt(3) == 0 ? text(random.nextInt(10)) : pick(FIELDS))).append(':').append(value(depth));
        }
        return s.append('}').toString();
    }

    String value(int depth) {
        return switch (random.nextInt(depth > 2 ? 7 : 9)) {
            case 0 -> String.valueOf(random.nextInt(200) - 50);
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> pick(List.of("true", "false", "null", "1e309", "-0", "1.5", "99999999999999999999999"));
            case 3 -> quote(pick(List.of("up", "down", "lossy", "auto", "force-lte", "force-primary", "")));
            case 4, 5 -> quote(text(random.nextInt(random.nextInt(20) == 0 ? 5_000 : 30)));
            case 6 -> "\"\\ud800\\u0000\\u202e\"";
            case 7 -> object(depth + 1);
            default -> "[" + value(depth + 1) + "]";
        };
    }

    String text(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            s.appendCodePoint(kind < 6 ? 'a' + random.nextInt(26) : kind < 8 ? random.nextInt(0x80) : random.nextInt(0x10FFFF));
        }
        return s.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    boolean login() throws Exception {
        try {
            return tryLogin();
        } catch (java.io.IOException e) {
            // a pooled connection the agent had just closed (after an early 413): once more, on a new one
            return tryLogin();
        }
    }

    boolean tryLogin() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"password\":" + quote(password) + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            cookie = null;
            return false;
        }
        cookie = response.headers().firstValue("Set-Cookie").map(c -> c.substring(0, c.indexOf(';'))).orElse(null);
        Matcher m = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        csrf = m.find() ? m.group(1) : null;
        return cookie != null;
    }

    /** 4 clients, {@code total} requests each kind: median and p99 of /status against /health. */
    void latency(int total) throws Exception {
        login();
        for (int round = 0; round < 2; round++) { // the first round warms up
            long[] health = measure("/api/v1/health", total);
            long[] status = measure("/api/v1/status", total);
            if (round == 1) {
                System.out.printf("latency over %d requests each, 4 clients: health median %.2f ms p99 %.2f ms; "
                                + "status median %.2f ms p99 %.2f ms; ratio status/health median %.2f p99 %.2f%n",
                        total, ms(health, 50), ms(health, 99), ms(status, 50), ms(status, 99),
                        (double) pct(status, 50) / pct(health, 50), (double) pct(status, 99) / pct(health, 99));
            }
        }
    }

    long[] measure(String path, int total) throws Exception {
        int clients = 4;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(pool.submit(() -> {
                long[] times = new long[total / clients];
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Cookie", cookie)
                        .build();
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    times[i] = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                }
                return times;
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> part : parts) {
            long[] p = part.get();
            long[] merged = Arrays.copyOf(all, all.length + p.length);
            System.arraycopy(p, 0, merged, all.length, p.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return all;
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long[] sorted, int p) {
        return pct(sorted, p) / 1e6;
    }
}
