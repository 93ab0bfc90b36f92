package dialtone.agent.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The broker's TLS from PEM files: the CA that signed the broker's certificate (else the JDK's
 * trust store) and, for mutual TLS, the device's certificate chain and PKCS#8 private key. One
 * context for the process's life, so TLS sessions resume after a reconnect (bytes saved on LTE).
 */
public final class TlsFiles {
    private TlsFiles() {}

    /** A problem with the files, in words for the operator. */
    public static final class TlsFileException extends Exception {
        TlsFileException(String message) {
            super(message);
        }
    }

    /** @param ca null for the JDK's trust store; @param cert and @param key both null for no client certificate */
    public static SSLSocketFactory socketFactory(Path ca, Path cert, Path key) throws TlsFileException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(ca == null ? null : trustStore(certificates(ca)));
            KeyManagerFactory keys = null;
            if (cert != null && key != null) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(
                        "device",
                        privateKey(key),
                        new char[0],
                        certificates(cert).toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsFileException("cannot set up TLS to the broker: " + e.getMessage());
        }
    }

    private static KeyStore trustStore(Collection<? extends Certificate> cas)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int i = 0;
        for (Certificate ca : cas) {
            store.setCertificateEntry("ca-" + i++, ca);
        }
        return store;
    }

    private static List<? extends Certificate> certificates(Path pem) throws TlsFileException, IOException {
        try {
            List<? extends Certificate> certificates = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem))));
            if (certificates.isEmpty()) {
                throw new TlsFileException(pem + " holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(pem + " is not a PEM certificate: " + e.getMessage());
        }
    }

    /** A PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}): EC, RSA or Ed25519. */
    public static PrivateKey privateKey(Path pem) throws TlsFileException, IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = text.indexOf(begin);
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new TlsFileException(pem + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY); convert it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end));
        for (String algorithm : List.of("EC", "RSA", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new TlsFileException(pem + " holds no EC, RSA or Ed25519 private key");
    }
}
