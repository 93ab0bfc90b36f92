package dialtone.agent.notify;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for "localhost" (made by the JDK's keytool, valid two days) in a PKCS12
 * keystore with the password {@value #PASSWORD}: the test mail server's, which the agent checks as
 * it would a real one.
 */
public final class LocalhostCertificate {
    public static final String PASSWORD = "changeit";

    private LocalhostCertificate() {}

    public static Path create(Path dir) throws Exception {
        Path keystore = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "mail",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "san=dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD,
                        "-keypass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool: " + output);
        }
        return keystore;
    }

    /** Makes GreenMail, started after this in the same JVM, serve TLS with {@code keystore}. */
    public static void serveWith(Path keystore) {
        System.setProperty("greenmail.tls.keystore.file", keystore.toString());
        System.setProperty("greenmail.tls.keystore.password", PASSWORD);
        System.setProperty("greenmail.tls.key.password", PASSWORD);
    }

    /** Trusts this certificate only; the host name is still checked. */
    public static SSLSocketFactory trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
