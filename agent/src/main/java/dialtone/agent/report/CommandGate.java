package dialtone.agent.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a command may run: not expired, from an issuer on the allow-list and, for the dangerous
 * ones, signed with the operations team's Ed25519 key. A pure decision; the refusal says why.
 */
final class CommandGate {
    private final List<String> issuers;
    private final PublicKey key;
    private final Set<String> signed;

    /** @param key null when none is configured: the commands in {@code signed} are then refused */
    CommandGate(List<String> issuers, PublicKey key, Set<String> signed) {
        this.issuers = List.copyOf(issuers);
        this.key = key;
        this.signed = Set.copyOf(signed);
    }

    /** The refusal, or empty when the command may run. {@code signature} is base64, null when absent. */
    Optional<Response> refusal(Command command, String signature, Instant now) {
        if (!command.expires().isAfter(now)) {
            return Optional.of(Response.refused(command.id(), 410, "expired at " + command.expires()));
        }
        return authorisation(command.id(), command.name(), command.issuer(), command.signedBytes(), signature);
    }

    /**
     * Whether {@code issuer} may do {@code name}: on the allow-list and, when {@code name} must be
     * signed, with a valid signature over {@code signed}. The refusal carries {@code id}.
     */
    Optional<Response> authorisation(String id, String name, String issuer, byte[] signed, String signature) {
        if (!issuers.contains(issuer)) {
            return Optional.of(Response.refused(id, 403, "issuer '" + issuer + "' may not command this device"));
        }
        if (this.signed.contains(name)) {
            if (key == null) {
                return Optional.of(
                        Response.refused(id, 403, name + " must be signed, and this device has no command key"));
            }
            if (signature == null) {
                return Optional.of(Response.refused(id, 403, name + " must be signed"));
            }
            if (!verifies(signed, signature)) {
                return Optional.of(Response.refused(id, 403, "the signature does not match"));
            }
        }
        return Optional.empty();
    }

    private boolean verifies(byte[] signed, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** An Ed25519 public key in PEM ({@code BEGIN PUBLIC KEY}). */
    static PublicKey publicKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PUBLIC KEY-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END PUBLIC KEY-----");
        if (start < 0 || end < start) {
            throw new GeneralSecurityException(pem + " is not a PEM public key");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }
}
