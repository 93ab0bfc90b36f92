package dialtone.agent.report;

import java.nio.charset.StandardCharsets;

/** MQTT payloads: JSON in UTF-8, with the HTTP API's codec (the same documents, the same rules). */
final class Json {
    private Json() {}

    static byte[] bytes(Object value) {
        return dialtone.web.json.Json.write(value).getBytes(StandardCharsets.UTF_8);
    }
}
