package dialtone.hal.linux;

import dialtone.hal.net.ProbeResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Probes from a given source address, in plain Java sockets: the kernel's policy rules send each
 * one through the uplink that owns the address. Any answer proves the path: a DNS reply of any
 * kind, a TCP accept or refusal, a SIP response of any status.
 */
final class SocketProbes {
    private SocketProbes() {}

    static ProbeResult dns(InetAddress source, InetSocketAddress server, Duration timeout) {
        byte[] query = dnsQuery((short) ThreadLocalRandom.current().nextInt());
        return datagram(
                source,
                server,
                query,
                timeout,
                reply -> reply.length >= 12 && reply[0] == query[0] && reply[1] == query[1] && (reply[2] & 0x80) != 0);
    }

    static ProbeResult sipOptions(InetAddress source, InetSocketAddress sbc, Duration timeout) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            String branch =
                    "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            String local = literal(source) + ":" + socket.getLocalPort();
            String host = literal(sbc.getAddress());
            String options = "OPTIONS sip:" + host + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + local + ";branch=" + branch + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:dialtone-probe@" + literal(source) + ">;tag=" + branch.substring(7, 15) + "\r\n"
                    + "To: <sip:" + host + ">\r\n"
                    + "Call-ID: " + branch + "@" + literal(source) + "\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "User-Agent: Dialtone health probe\r\n"
                    + "Content-Length: 0\r\n\r\n";
            return exchange(socket, sbc, options.getBytes(StandardCharsets.US_ASCII), timeout, reply -> new String(
                            reply, 0, Math.min(reply.length, 8), StandardCharsets.US_ASCII)
                    .equals("SIP/2.0 "));
        } catch (IOException e) {
            return ProbeResult.lost(e.getMessage());
        }
    }

    static ProbeResult tcp(InetAddress source, InetSocketAddress target, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(target, (int) timeout.toMillis());
            return ProbeResult.answered(Duration.ofNanos(System.nanoTime() - start));
        } catch (ConnectException refused) {
            Duration rtt = Duration.ofNanos(System.nanoTime() - start);
            return refused.getMessage() != null && refused.getMessage().contains("refused")
                    ? ProbeResult.answered(rtt) // a RST came back: the path works
                    : ProbeResult.lost(refused.getMessage());
        } catch (IOException e) {
            return ProbeResult.lost(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static ProbeResult datagram(
            InetAddress source,
            InetSocketAddress target,
            byte[] payload,
            Duration timeout,
            java.util.function.Predicate<byte[]> isAnswer) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(source, 0))) {
            return exchange(socket, target, payload, timeout, isAnswer);
        } catch (IOException e) {
            return ProbeResult.lost(e.getMessage());
        }
    }

    private static ProbeResult exchange(
            DatagramSocket socket,
            InetSocketAddress target,
            byte[] payload,
            Duration timeout,
            java.util.function.Predicate<byte[]> isAnswer)
            throws IOException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        socket.send(new DatagramPacket(payload, payload.length, target));
        byte[] buffer = new byte[2048];
        while (true) {
            long left = (deadline - System.nanoTime() + 999_999) / 1_000_000; // round up: never give up early

            if (left <= 0) {
                return ProbeResult.lost("timeout after " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) left);
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return ProbeResult.lost("timeout after " + timeout.toMillis() + " ms");
            }
            byte[] data = java.util.Arrays.copyOf(reply.getData(), reply.getLength());
            if (reply.getAddress().equals(target.getAddress()) && isAnswer.test(data)) {
                return ProbeResult.answered(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    /** A standard query for the root zone's NS records: every resolver answers it from cache. */
    static byte[] dnsQuery(short id) {
        ByteBuffer query = ByteBuffer.allocate(17);
        query.putShort(id)
                .putShort((short) 0x0100)
                .putShort((short) 1)
                .putShort((short) 0)
                .putShort((short) 0)
                .putShort((short) 0);
        query.put((byte) 0).putShort((short) 2).putShort((short) 1); // root, type NS, class IN
        return query.array();
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        return address.getAddress().length == 16 ? "[" + text + "]" : text;
    }
}
