package dialtone.agent.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command from the operations team, as it arrives on {@code cmd/{name}}: the envelope
 * {@code {"id", "exp", "iss", "args"}} (the id makes a repeat idempotent, {@code exp} is when it goes
 * stale, in epoch seconds, {@code iss} who sends it) and, for dangerous ones, a signature.
 *
 * @param payload the bytes as they came, which the signature covers
 */
public record Command(
        String name, String id, Instant expires, String issuer, Map<String, Object> args, byte[] payload) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Set<String> FIELDS = Set.of("id", "exp", "iss", "args");
    static final int MAX_BYTES = 16 * 1024;

    /** A command that cannot be taken as it is; {@code id} when the envelope had a usable one. */
    static final class Malformed extends Exception {
        final String id;

        Malformed(String id, String message) {
            super(message, null, false, false);
            this.id = id;
        }
    }

    /** Reads the envelope; every problem is a {@link Malformed} that says what is wrong. */
    @SuppressWarnings("unchecked")
    static Command parse(String name, byte[] payload) throws Malformed {
        if (payload.length > MAX_BYTES) {
            throw new Malformed(null, "the command is larger than " + MAX_BYTES + " bytes");
        }
        Map<String, Object> envelope;
        try {
            envelope = JSON.std
                    .with(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
                    .mapFrom(new String(payload, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw new Malformed(null, "the payload is not a JSON object");
        }
        if (envelope == null) {
            throw new Malformed(null, "the payload is not a JSON object");
        }
        String id = envelope.get("id") instanceof String s && ID.matcher(s).matches() ? s : null;
        if (id == null) {
            throw new Malformed(null, "id must be 1 to 64 letters, digits or . _ : -");
        }
        for (String field : envelope.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new Malformed(id, "unknown field '" + field + "'");
            }
        }
        if (!(envelope.get("exp") instanceof Number exp) || exp.longValue() <= 0) {
            throw new Malformed(id, "exp must be the expiry time in epoch seconds");
        }
        if (!(envelope.get("iss") instanceof String issuer) || issuer.isBlank() || issuer.length() > 64) {
            throw new Malformed(id, "iss must name who sends the command");
        }
        Object args = envelope.getOrDefault("args", Map.of());
        if (!(args instanceof Map<?, ?>)) {
            throw new Malformed(id, "args must be a JSON object");
        }
        return new Command(
                name, id, Instant.ofEpochSecond(exp.longValue()), issuer, (Map<String, Object>) args, payload);
    }

    /** The bytes a signature covers: the command's name and the payload, so none can be replayed as another. */
    public byte[] signedBytes() {
        return signed(name, payload);
    }

    /** {@code what}, a newline, then {@code payload} as it came. */
    static byte[] signed(String what, byte[] payload) {
        byte[] head = (what + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return all;
    }
}
