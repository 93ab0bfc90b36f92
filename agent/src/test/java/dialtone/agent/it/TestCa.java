package dialtone.agent.it;

import dialtone.agent.report.TlsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;

/**
 * A throwaway certificate authority made with the {@code openssl} command (Debian package), as a
 * provider would run one: EC P-256 keys in PKCS#8 PEM, the broker's certificate for 127.0.0.1, and
 * client certificates whose CN is the MQTT identity (a device id, or the operations console).
 */
final class TestCa {
    /** A certificate and its private key, as files. */
    record Issued(Path cert, Path key) {}

    private static final String NEW_KEY = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";

    private final Path dir;
    final Path cert;
    private final Path key;

    private TestCa(Path dir, Path cert, Path key) {
        this.dir = dir;
        this.cert = cert;
        this.key = key;
    }

    /** A new CA called {@code name}, its files in {@code dir}. */
    static TestCa create(Path dir, String name) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path cert = dir.resolve(name + "-ca.pem");
        Path key = dir.resolve(name + "-ca.key");
        openssl(
                dir,
                "req",
                "-x509",
                NEW_KEY,
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-subj",
                "/CN=" + name,
                "-days",
                "30",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        return new TestCa(dir, cert, key);
    }

    /** The broker's certificate: valid for 127.0.0.1 and localhost (the agent verifies the host name). */
    Issued server(String name) throws IOException, InterruptedException {
        return issue(name, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    }

    /** A client certificate with CN {@code identity}: the broker takes the CN as the user name. */
    Issued client(String identity) throws IOException, InterruptedException {
        return issue(identity, "extendedKeyUsage=clientAuth\n");
    }

    /** TLS that trusts this CA and, when {@code as} is given, presents that certificate. */
    SSLSocketFactory tls(Issued as) throws Exception {
        return TlsFiles.socketFactory(cert, as == null ? null : as.cert(), as == null ? null : as.key());
    }

    private Issued issue(String cn, String extensions) throws IOException, InterruptedException {
        Path key = dir.resolve(cn + ".key");
        Path request = dir.resolve(cn + ".csr");
        Path cert = dir.resolve(cn + ".pem");
        Path ext = dir.resolve(cn + ".ext");
        Files.writeString(ext, "basicConstraints=CA:FALSE\n" + extensions);
        openssl(dir, "req", NEW_KEY, "-keyout", key.toString(), "-out", request.toString(), "-subj", "/CN=" + cn);
        openssl(
                dir,
                "x509",
                "-req",
                "-in",
                request.toString(),
                "-CA",
                this.cert.toString(),
                "-CAkey",
                this.key.toString(),
                "-CAcreateserial",
                "-CAserial",
                dir.resolve("serial").toString(),
                "-out",
                cert.toString(),
                "-days",
                "30",
                "-extfile",
                ext.toString());
        return new Issued(cert, key);
    }

    private static void openssl(Path dir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        for (String argument : arguments) {
            command.addAll(argument.startsWith("-newkey") ? List.of(argument.split(" ")) : List.of(argument));
        }
        Path log = Files.createTempFile(dir, "openssl", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish within 30 s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    "openssl failed (" + process.exitValue() + "): " + command + "\n" + Files.readString(log));
        }
    }
}
