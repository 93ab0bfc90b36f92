package dialtone.ops;

import dialtone.agent.report.Command;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One command as it is published on {@code cmd/{name}}: the envelope {@code {"id", "exp", "iss",
 * "args"}} in exactly the bytes sent, and, when signed, the {@code sig} user property (Ed25519 over
 * {@code name + "\n" + payload}, as docs/mqtt.md fixes it).
 *
 * @param signature base64, null when unsigned
 */
record CommandRequest(String name, String id, Instant expires, byte[] payload, String signature) {

    /** @param key null to send it unsigned */
    static CommandRequest of(OpsArgs.Send send, String id, Instant now, PrivateKey key) {
        Instant expires = Instant.ofEpochSecond(now.plus(send.ttl()).getEpochSecond());
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("exp", expires.getEpochSecond());
        envelope.put("iss", send.issuer());
        envelope.put("args", send.args());
        byte[] payload = OpsJson.compact(envelope).getBytes(StandardCharsets.UTF_8);
        Command command = new Command(send.command(), id, expires, send.issuer(), send.args(), payload);
        String signature = key == null ? null : SigningKeys.sign(key, command.signedBytes());
        return new CommandRequest(send.command(), id, expires, payload, signature);
    }
}
