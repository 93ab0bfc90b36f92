package dialtone.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.tinylog.Logger;

/**
 * The device's own HTTPS certificate: an EC P-256 key and a self-signed certificate naming the
 * device's host name and LAN addresses, made once with the JDK's keytool and kept in the data dir
 * as PKCS12 (mode 0600). It is reused on restart and made again when it cannot be read or expires
 * within {@link #RENEW_BEFORE}. The store's password is fixed: the file's mode is its protection.
 */
public final class DeviceCertificate {
    public static final String FILE = "web-tls.p12";
    public static final String ALIAS = "dialtone";
    public static final String STORE_PASSWORD = "dialtone-device";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final int VALIDITY_DAYS = 3650;
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofSeconds(60);

    private DeviceCertificate() {}

    /** The keystore in {@code dataDir}, made now when missing, unreadable or about to expire. */
    public static Path ensure(Path dataDir, String hostName, List<String> addresses, Clock clock) {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file) && usable(file, clock)) {
            return file;
        }
        Logger.info("Making the web UI's HTTPS certificate for {} {}", hostName, addresses);
        generate(file, hostName, addresses);
        return file;
    }

    static boolean usable(Path file, Clock clock) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            if (!(store.getCertificate(ALIAS) instanceof X509Certificate cert)
                    || store.getKey(ALIAS, STORE_PASSWORD.toCharArray()) == null) {
                Logger.warn("The web UI's certificate store {} has no key; making a new one", file);
                return false;
            }
            cert.checkValidity(Date.from(clock.instant().plus(RENEW_BEFORE)));
            cert.checkValidity(Date.from(clock.instant()));
            return true;
        } catch (IOException | java.security.GeneralSecurityException e) {
            Logger.warn("The web UI's certificate {} is unusable ({}); making a new one", file, e.getMessage());
            return false;
        }
    }

    private static void generate(Path file, String hostName, List<String> addresses) {
        Path work = null;
        try {
            work = Files.createTempDirectory(
                    file.getParent(),
                    ".tls",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path made = work.resolve(FILE);
            run(keytool(made, hostName, addresses));
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-------"));
            Files.move(made, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot keep the web UI's certificate in " + file.getParent() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
    }

    private static List<String> keytool(Path file, String hostName, List<String> addresses) {
        List<String> san = new ArrayList<>();
        san.add("dns:" + hostName);
        san.add("dns:localhost");
        addresses.forEach(a -> san.add("ip:" + a));
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-sigalg",
                "SHA256withECDSA",
                "-dname",
                "CN=" + hostName.replaceAll("[^A-Za-z0-9.-]", "-") + ", O=Dialtone",
                "-ext",
                "SAN=" + String.join(",", san),
                "-validity",
                String.valueOf(VALIDITY_DAYS),
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
    }

    private static void run(List<String> argv) throws IOException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readNBytes(64 * 1024);
            if (!process.waitFor(KEYTOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish in " + KEYTOOL_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(
                        "keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the certificate", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            Logger.debug("Could not tidy {}: {}", dir, e.getMessage());
        }
    }
}
