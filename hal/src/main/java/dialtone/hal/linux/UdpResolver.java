package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.net.Resolver;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Asks the system's name servers ({@code /etc/resolv.conf}) over UDP, one after the other, each
 * with a short timeout. Through whichever uplink carries the site: DNS is allowed on LTE.
 */
public final class UdpResolver implements Resolver {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final List<InetSocketAddress> servers;

    public UdpResolver(List<InetSocketAddress> servers) {
        this.servers = List.copyOf(servers);
    }

    /** The name servers of {@code resolv.conf}; none is a resolver that always fails, saying so. */
    public static UdpResolver fromResolvConf(Path resolvConf) {
        List<InetSocketAddress> servers = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resolvConf)) {
                String[] words = line.strip().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver")) {
                    servers.add(new InetSocketAddress(InetAddress.getByName(words[1]), 53)); // literals only
                }
            }
        } catch (IOException e) {
            // no resolv.conf: no servers, every query says so
        }
        return new UdpResolver(servers);
    }

    @Override
    public List<InetAddress> servers() {
        return servers.stream().map(InetSocketAddress::getAddress).toList();
    }

    @Override
    public Answer query(String name, RecordType type) {

        if (servers.isEmpty()) {
            throw new HalException("dns " + name, "no name servers configured");
        }
        String last = "";
        for (InetSocketAddress server : servers) {
            try {
                return ask(server, name, type);
            } catch (IOException | DnsMessage.Unusable e) {
                last = server.getAddress().getHostAddress() + ": " + e.getMessage();
            }
        }
        throw new HalException("dns " + name, last);
    }

    private static Answer ask(InetSocketAddress server, String name, RecordType type)
            throws IOException, DnsMessage.Unusable {
        short id = (short) ThreadLocalRandom.current().nextInt();
        byte[] query = DnsMessage.query(id, name, type);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.send(new DatagramPacket(query, query.length, server));
            byte[] buffer = new byte[4096];
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(reply);
                } catch (SocketTimeoutException e) {
                    break;
                }
                boolean ours = reply.getLength() >= 2 && buffer[0] == (byte) (id >> 8) && buffer[1] == (byte) id;
                if (reply.getAddress().equals(server.getAddress()) && ours) {

                    return DnsMessage.parse(Arrays.copyOf(reply.getData(), reply.getLength()), id, type);
                }
            }
            throw new IOException("no answer within " + TIMEOUT.toMillis() + " ms");
        }
    }
}
