package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandGateTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final KeyPair ops = keys();
    private final CommandGate gate = new CommandGate(List.of("ops:alice"), ops.getPublic(), Set.of("set-mode"));

    @Test
    void theEnvelopeIsReadWithEveryProblemNamed() throws Exception {
        Command command = Command.parse(
                "set-mode",
                bytes("{\"id\":\"c-1\",\"exp\":1795000000,\"iss\":\"ops:alice\"," + "\"args\":{\"mode\":\"auto\"}}"));
        assertThat(command.id()).isEqualTo("c-1");
        assertThat(command.expires()).isEqualTo(Instant.ofEpochSecond(1795000000));
        assertThat(command.args()).containsEntry("mode", "auto");

        assertMalformed("{", null, "not a JSON object");
        assertMalformed("\"text\"", null, "not a JSON object");
        assertMalformed("{\"id\":\"a b\"}", null, "id must be");
        assertMalformed("{\"id\":\"c-2\",\"exp\":1,\"iss\":\"x\",\"colour\":1}", "c-2", "unknown field 'colour'");
        assertMalformed("{\"id\":\"c-3\",\"exp\":\"soon\",\"iss\":\"x\"}", "c-3", "exp must be");
        assertMalformed("{\"id\":\"c-4\",\"exp\":5,\"iss\":\"\"}", "c-4", "iss must");
        assertMalformed("{\"id\":\"c-5\",\"exp\":5,\"iss\":\"x\",\"args\":[]}", "c-5", "args must");
        assertMalformed("{\"id\":\"c-6\",\"id\":\"c-7\",\"exp\":5,\"iss\":\"x\"}", null, "not a JSON object");
        assertThatThrownBy(() -> Command.parse("get-status", new byte[Command.MAX_BYTES + 1]))
                .hasMessageContaining("larger than");
    }

    @Test
    void staleForeignAndUnsignedCommandsAreRefusedWithTheReason() throws Exception {
        assertThat(gate.refusal(command("get-status", "ops:alice", NOW.minusSeconds(1)), null, NOW))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(410));
        assertThat(gate.refusal(command("get-status", "ops:mallory", NOW.plusSeconds(60)), null, NOW))
                .hasValueSatisfying(
                        r -> assertThat(r.message()).contains("ops:mallory").contains("may not"));
        Command setMode = command("set-mode", "ops:alice", NOW.plusSeconds(60));
        assertThat(gate.refusal(setMode, null, NOW))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(403));
        assertThat(gate.refusal(setMode, sign(keys(), setMode), NOW))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("signature"));
        assertThat(gate.refusal(setMode, "not base64!", NOW)).isPresent();

        assertThat(gate.refusal(setMode, sign(ops, setMode), NOW)).isEmpty();
        assertThat(gate.refusal(command("get-status", "ops:alice", NOW.plusSeconds(60)), null, NOW))
                .isEmpty();
    }

    @Test
    void aSignatureCannotBeReplayedOnAnotherCommand() throws Exception {
        Command setMode = command("set-mode", "ops:alice", NOW.plusSeconds(60));
        Command other = Command.parse("failover-test", setMode.payload());
        CommandGate strict =
                new CommandGate(List.of("ops:alice"), ops.getPublic(), Set.of("set-mode", "failover-test"));

        assertThat(strict.refusal(other, sign(ops, setMode), NOW)).isPresent();
    }

    @Test
    void withoutACommandKeyTheDangerousCommandsAreRefused() throws Exception {
        CommandGate keyless = new CommandGate(List.of("ops:alice"), null, Set.of("set-mode"));
        Command setMode = command("set-mode", "ops:alice", NOW.plusSeconds(60));

        assertThat(keyless.refusal(setMode, sign(ops, setMode), NOW))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("no command key"));
    }

    private static void assertMalformed(String payload, String id, String message) {
        assertThatThrownBy(() -> Command.parse("get-status", bytes(payload)))
                .isInstanceOfSatisfying(
                        Command.Malformed.class, m -> assertThat(m.id).isEqualTo(id))
                .hasMessageContaining(message);
    }

    private static Command command(String name, String issuer, Instant expires) throws Exception {
        return Command.parse(
                name,
                bytes("{\"id\":\"c\",\"exp\":" + expires.getEpochSecond() + ",\"iss\":\"" + issuer
                        + "\",\"args\":{}}"));
    }

    private static String sign(KeyPair keys, Command command) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(command.signedBytes());
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair keys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
