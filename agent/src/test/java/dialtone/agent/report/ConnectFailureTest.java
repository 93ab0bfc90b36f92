package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/** One line for the technician instead of Paho's "Untranslated MqttException RC 0". */
class ConnectFailureTest {
    private static MqttException paho(Throwable cause) {
        return new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION, cause);
    }

    @Test
    void aHostNameMismatchSaysTheCertificateWasRefusedAndWhy() {
        SSLHandshakeException handshake = new SSLHandshakeException("(certificate_unknown) PKIX failed");
        handshake.initCause(
                new CertificateException("No subject alternative names matching IP address 198.51.100.20 found"));

        String why = ConnectFailure.describe(paho(handshake));

        assertThat(why)
                .isEqualTo("the broker's certificate was refused: "
                        + "No subject alternative names matching IP address 198.51.100.20 found")
                .doesNotContain("Untranslated");
    }

    @Test
    void otherHandshakeFailuresSayTls() {
        assertThat(ConnectFailure.describe(paho(new SSLHandshakeException("Received fatal alert: bad_certificate"))))
                .isEqualTo("TLS handshake failed: Received fatal alert: bad_certificate");
    }

    @Test
    void socketErrorsAreNamed() {
        assertThat(ConnectFailure.describe(paho(new ConnectException("Connection refused"))))
                .isEqualTo("connection refused (Connection refused)");
        assertThat(ConnectFailure.describe(paho(new SocketTimeoutException("connect timed out"))))
                .isEqualTo("timed out (connect timed out)");
    }

    @Test
    void theBrokersOwnReasonAndALostConnectionStayReadable() {
        assertThat(ConnectFailure.describe(new MqttException(
                        org.eclipse.paho.mqttv5.common.packet.MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED)))
                .isNotBlank()
                .doesNotContain("Untranslated");
        assertThat(ConnectFailure.describe(null)).isEqualTo("connection lost");
        assertThat(ConnectFailure.describe(paho(new IllegalStateException("odd"))))
                .isEqualTo("IllegalStateException: odd");
    }
}
