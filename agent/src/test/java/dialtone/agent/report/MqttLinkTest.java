package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

class MqttLinkTest {
    @Test
    void aRefusedHandshakeIsLoggedInTheWordsOfItsInnermostCause() {
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new IllegalStateException("unable to find valid certification path to requested target"));
        MqttException paho = new MqttException(0, handshake);

        assertThat(MqttLink.why(paho)).isEqualTo("unable to find valid certification path to requested target");
    }

    @Test
    void aCauseWithoutWordsIsNamedByItsType() {
        assertThat(MqttLink.why(new MqttException(0, new EOFException()))).isEqualTo("EOFException");
        assertThat(MqttLink.why(null)).isEqualTo("connection lost");
        assertThat(MqttLink.why(new MqttException(32000))).isEqualTo(new MqttException(32000).getMessage());
    }

    @Test
    void aPubackWithAnErrorReasonCodeMeansTheMessageWasDropped() {
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {0})).isNull();
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {16}))
                .as("no matching subscribers")
                .isNull();
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", null)).isNull();

        MqttLink.Refused refused = MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {135});
        assertThat(refused.reasonCode).isEqualTo(135);
        assertThat(refused.getMessage()).contains("dialtone/v1/a/evt").contains("135");
    }
}
