package dialtone.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Test certificates for a provisioning bundle, made with openssl: a CA and a device it issued. */
final class Certificates {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String NEW_KEY = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";

    private Certificates() {}

    /** Writes {@code mqtt-ca.pem}, {@code device.pem} (CN {@code deviceId}) and {@code device.key} into {@code bundle}. */
    static void issue(Path work, Path bundle, String deviceId) throws IOException, InterruptedException {
        Path caKey = work.resolve(deviceId + "-ca.key");
        Path request = work.resolve(deviceId + ".csr");
        Path ca = bundle.resolve("mqtt-ca.pem");
        openssl("req -x509 " + NEW_KEY + " -keyout " + caKey + " -out " + ca + " -subj /CN=test-broker-ca -days 30");
        openssl("req " + NEW_KEY + " -keyout " + bundle.resolve("device.key") + " -out " + request + " -subj /CN="
                + deviceId);
        openssl("x509 -req -in " + request + " -CA " + ca + " -CAkey " + caKey + " -CAcreateserial -CAserial "
                + work.resolve(deviceId + ".srl") + " -out " + bundle.resolve("device.pem") + " -days 30");
    }

    /** Writes a private key that belongs to no certificate. */
    static void otherKey(Path target) throws IOException, InterruptedException {
        openssl("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " + target);
    }

    /** Runs openssl with {@code arguments} (split at spaces: the paths here have none). */
    private static void openssl(String arguments) throws IOException, InterruptedException {
        Command.ok(LIMIT, ("openssl " + arguments).split(" "));
    }
}
