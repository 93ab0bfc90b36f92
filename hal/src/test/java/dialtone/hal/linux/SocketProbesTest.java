package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.net.ProbeResult;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The socket probes against tiny responders on loopback: what counts as an answer, what does not. */
class SocketProbesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** Answers one datagram with {@code reply(request)} (null: stays silent), on a virtual thread. */
    private static InetSocketAddress responder(UnaryOperator<byte[]> reply) throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        Thread.ofVirtual().start(() -> {
            try (socket) {
                DatagramPacket request = new DatagramPacket(new byte[2048], 2048);
                socket.setSoTimeout(2_000);
                socket.receive(request);
                byte[] answer = reply.apply(java.util.Arrays.copyOf(request.getData(), request.getLength()));
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
                }
            } catch (Exception e) {
                // the probe gave up first
            }
        });
        return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
    }

    @Test
    void anyDnsReplyWithTheQueryIdIsAnAnswer() throws Exception {
        InetSocketAddress dns = responder(query -> {
            byte[] reply = query.clone();
            reply[2] |= (byte) 0x80; // QR: a response (NXDOMAIN or not, the path works)
            return reply;
        });

        ProbeResult result = SocketProbes.dns(LOOPBACK, dns, TIMEOUT);

        assertThat(result.answered()).isTrue();
        assertThat(result.rtt()).isLessThan(TIMEOUT);
    }

    @Test
    void aDatagramThatIsNotTheReplyDoesNotCount() throws Exception {
        InetSocketAddress echo = responder(query -> query); // echoes the query: no QR bit

        assertThat(SocketProbes.dns(LOOPBACK, echo, TIMEOUT).answered()).isFalse();
    }

    @Test
    void aSipResponseOfAnyStatusIsAnAnswerAndTheRequestIsWellFormed() throws Exception {
        StringBuilder seen = new StringBuilder();
        InetSocketAddress sbc = responder(request -> {
            seen.append(new String(request, StandardCharsets.US_ASCII));
            return "SIP/2.0 404 Not Here\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        });

        ProbeResult result = SocketProbes.sipOptions(LOOPBACK, sbc, TIMEOUT);

        assertThat(result.answered()).isTrue();
        assertThat(seen.toString())
                .startsWith("OPTIONS sip:127.0.0.1 SIP/2.0\r\n")
                .contains("Via: SIP/2.0/UDP 127.0.0.1:", ";branch=z9hG4bK", "CSeq: 1 OPTIONS\r\n")
                .endsWith("Content-Length: 0\r\n\r\n");
    }

    @Test
    void silenceIsALossAfterTheTimeout() throws Exception {
        InetSocketAddress silent = responder(request -> null);
        long start = System.nanoTime();

        ProbeResult result = SocketProbes.sipOptions(LOOPBACK, silent, TIMEOUT);

        assertThat(result.answered()).isFalse();
        assertThat(result.detail()).contains("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
    }

    @Test
    void aTcpRefusalProvesThePathAsMuchAsAnAccept() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        assertThat(SocketProbes.tcp(LOOPBACK, new InetSocketAddress(LOOPBACK, closedPort), TIMEOUT)
                        .answered())
                .isTrue();
        try (ServerSocket open = new ServerSocket(0, 1, LOOPBACK)) {
            assertThat(SocketProbes.tcp(LOOPBACK, new InetSocketAddress(LOOPBACK, open.getLocalPort()), TIMEOUT)
                            .answered())
                    .isTrue();
        }
    }

    @Test
    void theDnsQueryAsksTheRootForItsNameServers() {
        byte[] query = SocketProbes.dnsQuery((short) 0x1234);

        assertThat(query).hasSize(17);
        assertThat(query[0]).isEqualTo((byte) 0x12);
        assertThat(query[12]).as("root name").isZero();
        assertThat(query[14]).as("type NS").isEqualTo((byte) 2);
    }
}
