package dialtone.ops;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dialtone.agent.report.TlsFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The operations team's Ed25519 command-signing key: made by {@code keygen} (the private half in
 * PKCS#8 PEM, readable by its owner only; the public half for the boxes' {@code mqtt.command.key})
 * and read back to sign.
 */
final class SigningKeys {
    private static final String PRIVATE = "ops-ed25519.pem";
    private static final String PUBLIC = "ops-ed25519.pub.pem";

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private SigningKeys() {}

    /** Writes a new pair into {@code dir} (made if missing); overwrites nothing, leaves nothing half-written. */
    static List<Path> generate(Path dir) {
        Path privatePath = dir.resolve(PRIVATE);
        Path publicPath = dir.resolve(PUBLIC);
        for (Path path : List.of(privatePath, publicPath)) {
            if (Files.exists(path)) {
                throw new OpsFailure(Ops.USAGE, path + " exists already; keygen overwrites no key");
            }
        }
        KeyPair pair = pair();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            written.add(Files.createFile(privatePath, OWNER_ONLY));
            Files.writeString(privatePath, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), US_ASCII);
            written.add(Files.createFile(publicPath));
            Files.writeString(publicPath, pem("PUBLIC KEY", pair.getPublic().getEncoded()), US_ASCII);
            return written;
        } catch (IOException e) {
            written.forEach(SigningKeys::deleteQuietly);
            throw new OpsFailure(
                    e instanceof FileAlreadyExistsException ? Ops.USAGE : Ops.FAILED,
                    "cannot write the key pair into " + dir + ": " + OpsFailure.why(e));
        }
    }

    /** The Ed25519 private key in {@code pem}, for {@link #sign}. */
    static PrivateKey read(Path pem) {
        try {
            PrivateKey key = TlsFiles.privateKey(pem);
            if (!List.of("EdDSA", "Ed25519").contains(key.getAlgorithm())) {
                throw new OpsFailure(
                        Ops.USAGE,
                        "--sign-key " + pem + " is an " + key.getAlgorithm()
                                + " key, not Ed25519 (make one with dialtone-ops keygen DIR)");
            }
            return key;
        } catch (TlsFiles.TlsFileException e) {
            throw new OpsFailure(Ops.USAGE, "--sign-key: " + e.getMessage());
        } catch (IOException e) {
            throw new OpsFailure(Ops.USAGE, "--sign-key: " + OpsFailure.why(e));
        }
    }

    /** Base64 of the Ed25519 signature over {@code bytes}. */
    static String sign(PrivateKey key, byte[] bytes) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(bytes);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new OpsFailure(Ops.USAGE, "--sign-key cannot sign: " + e.getMessage());
        }
    }

    private static KeyPair pair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the operator sees the first error; this is the best effort to leave nothing behind
        }
    }
}
