package dialtone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T19:00:00Z");
    private static final OpsArgs.Send SET_MODE = new OpsArgs.Send(
            "dev-7",
            "set-mode",
            Map.of("mode", "force-lte"),
            "ops:alice",
            Duration.ofSeconds(60),
            null,
            Duration.ofSeconds(15));

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Ops ops = new Ops(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private int run(String... argv) {
        return ops.run(List.of(argv), Map.of());
    }

    @Test
    void keygenWritesAPairWhosePrivateHalfOnlyItsOwnerReadsAndWhichSigns() throws Exception {
        Path keys = dir.resolve("keys");

        assertThat(run("keygen", keys.toString())).isZero();

        Path privateKey = keys.resolve("ops-ed25519.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        CommandRequest request = CommandRequest.of(SET_MODE, "id-1", NOW, SigningKeys.read(privateKey));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey(keys.resolve("ops-ed25519.pub.pem")));
        verifier.update(("set-mode\n" + new String(request.payload(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(request.signature())))
                .isTrue();
    }

    @Test
    void keygenOverwritesNoKey() throws Exception {
        Path keys = dir.resolve("keys");
        assertThat(run("keygen", keys.toString())).isZero();
        String before = Files.readString(keys.resolve("ops-ed25519.pem"));

        assertThat(run("keygen", keys.toString())).isEqualTo(Ops.USAGE);

        assertThat(Files.readString(keys.resolve("ops-ed25519.pem"))).isEqualTo(before);
        assertThat(err.toString()).contains("exists already").hasLineCount(1);
    }

    @Test
    void theEnvelopeExpiresAfterTheTtlAndCarriesTheIssuerAndArgs() throws Exception {
        CommandRequest request = CommandRequest.of(SET_MODE, "id-1", NOW, null);

        assertThat(JSON.std.mapFrom(new String(request.payload(), StandardCharsets.UTF_8)))
                .containsEntry("id", "id-1")
                .containsEntry("exp", (int) NOW.plusSeconds(60).getEpochSecond())
                .containsEntry("iss", "ops:alice")
                .containsEntry("args", Map.of("mode", "force-lte"));
        assertThat(request.signature()).isNull();
    }

    @Test
    void aSignKeyThatIsNotEd25519IsRefusedInOneLine() throws Exception {
        Path notAKey = Files.writeString(dir.resolve("ops.pem"), "-----BEGIN CERTIFICATE-----\n");

        int code = run(
                "--url",
                "tcp://127.0.0.1:1",
                "send",
                "dev-7",
                "set-mode",
                "--issuer",
                "ops:a",
                "--sign-key",
                notAKey.toString());

        assertThat(code).isEqualTo(Ops.USAGE);
        assertThat(err.toString()).startsWith("dialtone-ops: --sign-key: ").hasLineCount(1);
    }

    @Test
    void silenceIsExplainedByWhatTheBrokerKnowsOfTheDevice() {
        CommandRequest request = CommandRequest.of(SET_MODE, "id-1", NOW, null);

        assertThat(Ops.noAnswer(SET_MODE, request, Optional.empty()))
                .isEqualTo("unknown device dev-7: no retained state on the broker and no answer from dev-7 within 15s");
        assertThat(Ops.noAnswer(SET_MODE, request, Optional.of(Map.of("online", false, "why", "lost"))))
                .startsWith("no answer from dev-7 within 15s; it is offline (lost).")
                .contains("id id-1", "expires at 2026-11-23T19:01:00Z");
    }

    @Test
    void aUsageMistakeIsOneLineOnStandardErrorAndExitCodeTwo() {
        assertThat(run("devices")).isEqualTo(Ops.USAGE);

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("dialtone-ops: which broker?").hasLineCount(1);
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String text = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").strip();
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(text)));
    }
}
