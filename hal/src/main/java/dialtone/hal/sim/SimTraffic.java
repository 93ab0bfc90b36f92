package dialtone.hal.sim;

import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.net.ByteCounters;
import java.util.EnumMap;
import java.util.Map;

/**
 * Bytes the simulated site has sent and received on each uplink, at the IP layer (what the
 * firewall counts) and at the interface (plus link-layer headers where the link has them).
 */
final class SimTraffic {
    /** G.711 at 20 ms: 160 B payload + 12 RTP + 8 UDP + 20 IP, 50 packets a second each way. */
    static final int RTP_PACKET_BYTES = 200;

    static final int RTP_PACKETS_PER_SECOND = 50;
    private static final int ETHERNET_HEADER_BYTES = 14;

    private final Map<Uplink, long[]> totals = new EnumMap<>(Uplink.class); // rxB, txB, rxP, txP

    SimTraffic() {
        for (Uplink uplink : Uplink.values()) {
            totals.put(uplink, new long[4]);
        }
    }

    void add(Uplink uplink, long rxPackets, long txPackets, int bytesPerPacket) {
        long[] t = totals.get(uplink);
        t[0] += rxPackets * bytesPerPacket;
        t[1] += txPackets * bytesPerPacket;
        t[2] += rxPackets;
        t[3] += txPackets;
    }

    void addExchange(Uplink uplink, int sentBytes, int receivedBytes) {
        long[] t = totals.get(uplink);
        t[1] += sentBytes;
        t[3] += 1;
        if (receivedBytes > 0) {
            t[0] += receivedBytes;
            t[2] += 1;
        }
    }

    /** IP-level totals, as the firewall's counters see them. */
    Counter ipReceived(Uplink uplink) {
        long[] t = totals.get(uplink);
        return new Counter(t[2], t[0]);
    }

    Counter ipSent(Uplink uplink) {
        long[] t = totals.get(uplink);
        return new Counter(t[3], t[1]);
    }

    /** Interface totals: the primary is Ethernet (14 B header), the modem a raw-IP device. */
    ByteCounters atInterface(Uplink uplink) {
        long[] t = totals.get(uplink);
        int header = uplink == Uplink.PRIMARY ? ETHERNET_HEADER_BYTES : 0;
        return new ByteCounters(t[0] + header * t[2], t[1] + header * t[3], t[2], t[3]);
    }
}
