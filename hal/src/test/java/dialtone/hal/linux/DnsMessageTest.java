package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.net.Resolver.Address;
import dialtone.hal.net.Resolver.Answer;
import dialtone.hal.net.Resolver.Naptr;
import dialtone.hal.net.Resolver.RecordType;
import dialtone.hal.net.Resolver.Srv;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DNS answers built byte by byte, as a server would send them (names compressed). */
class DnsMessageTest {
    private static final short ID = 0x1234;

    /** An answer to {@code query}: rcode, then answer records of the given type with TTLs. */
    static final class AnswerBuilder {
        private final ByteArrayOutputStream records = new ByteArrayOutputStream();
        private final byte[] query;
        private int answers;
        private int authorities;

        AnswerBuilder(byte[] query) {
            this.query = query;
        }

        AnswerBuilder record(RecordType type, long ttl, byte[] data) {
            answers++;
            writeRecord(type.code(), ttl, data);
            return this;
        }

        AnswerBuilder soa(long ttl, long minimum) {
            authorities++;
            ByteBuffer soa = ByteBuffer.allocate(2 + 2 + 20);
            soa.put((byte) 0xC0).put((byte) 12).put((byte) 0xC0).put((byte) 12); // mname, rname: the question
            soa.putInt(1).putInt(3600).putInt(600).putInt(86400).putInt((int) minimum);
            writeRecord(6, ttl, soa.array());
            return this;
        }

        private void writeRecord(int type, long ttl, byte[] data) {
            records.write(0xC0);
            records.write(12); // the question's name
            records.writeBytes(ByteBuffer.allocate(10)
                    .putShort((short) type)
                    .putShort((short) 1)
                    .putInt((int) ttl)
                    .putShort((short) data.length)
                    .array());
            records.writeBytes(data);
        }

        byte[] build(int rcode) {
            ByteBuffer out = ByteBuffer.allocate(query.length + records.size());
            out.put(query);
            out.putShort(2, (short) (0x8180 | rcode));
            out.putShort(6, (short) answers);
            out.putShort(8, (short) authorities);
            out.put(records.toByteArray());
            return out.array();
        }
    }

    static byte[] name(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String label : name.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
        }
        out.write(0);
        return out.toByteArray();
    }

    static byte[] srv(int priority, int weight, int port, String target) {
        byte[] name = name(target);
        return ByteBuffer.allocate(6 + name.length)
                .putShort((short) priority)
                .putShort((short) weight)
                .putShort((short) port)
                .put(name)
                .array();
    }

    static byte[] naptr(int order, int preference, String flags, String service, String replacement) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(4)
                .putShort((short) order)
                .putShort((short) preference)
                .array());
        for (String text : new String[] {flags, service, ""}) {
            out.write(text.length());
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(name(replacement));
        return out.toByteArray();
    }

    @Test
    void addressesComeWithTheSmallestTtl() throws Exception {
        byte[] query = DnsMessage.query(ID, "sbc.example.net", RecordType.A);
        byte[] answer = new AnswerBuilder(query)
                .record(
                        RecordType.A,
                        300,
                        InetAddress.getByName("198.51.100.10").getAddress())
                .record(
                        RecordType.A,
                        120,
                        InetAddress.getByName("198.51.100.11").getAddress())
                .build(0);

        Answer parsed = DnsMessage.parse(answer, ID, RecordType.A);

        assertThat(parsed.records())
                .containsExactly(
                        new Address(InetAddress.getByName("198.51.100.10")),
                        new Address(InetAddress.getByName("198.51.100.11")));
        assertThat(parsed.ttl()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void ipv6AddressesAreRead() throws Exception {
        byte[] query = DnsMessage.query(ID, "sbc.example.net", RecordType.AAAA);
        byte[] answer = new AnswerBuilder(query)
                .record(
                        RecordType.AAAA,
                        60,
                        InetAddress.getByName("2001:db8::10").getAddress())
                .build(0);

        assertThat(DnsMessage.parse(answer, ID, RecordType.AAAA).records())
                .containsExactly(new Address(InetAddress.getByName("2001:db8::10")));
    }

    @Test
    void srvAndNaptrRecordsAreRead() throws Exception {
        byte[] srvQuery = DnsMessage.query(ID, "_sip._udp.example.net", RecordType.SRV);
        byte[] srvAnswer = new AnswerBuilder(srvQuery)
                .record(RecordType.SRV, 600, srv(10, 60, 5060, "sbc1.example.net"))
                .record(RecordType.SRV, 600, srv(20, 0, 5070, "sbc2.example.net"))
                .build(0);
        assertThat(DnsMessage.parse(srvAnswer, ID, RecordType.SRV).records())
                .containsExactly(new Srv(10, 60, 5060, "sbc1.example.net"), new Srv(20, 0, 5070, "sbc2.example.net"));

        byte[] naptrQuery = DnsMessage.query(ID, "example.net", RecordType.NAPTR);
        byte[] naptrAnswer = new AnswerBuilder(naptrQuery)
                .record(RecordType.NAPTR, 900, naptr(10, 10, "s", "SIP+D2U", "_sip._udp.example.net"))
                .build(0);
        assertThat(DnsMessage.parse(naptrAnswer, ID, RecordType.NAPTR).records())
                .containsExactly(new Naptr(10, 10, "s", "SIP+D2U", "_sip._udp.example.net"));
    }

    @Test
    void aNameWithoutRecordsIsAnEmptyAnswerKeptForTheSoaMinimum() throws Exception {
        byte[] query = DnsMessage.query(ID, "nothing.example.net", RecordType.A);

        Answer none = DnsMessage.parse(new AnswerBuilder(query).soa(900, 300).build(3), ID, RecordType.A);

        assertThat(none.records()).isEmpty();
        assertThat(none.ttl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void failuresAndGarbageAreUnusable() {
        byte[] query = DnsMessage.query(ID, "sbc.example.net", RecordType.A);

        assertThatThrownBy(() -> DnsMessage.parse(new AnswerBuilder(query).build(2), ID, RecordType.A))
                .hasMessageContaining("server failure");
        assertThatThrownBy(() -> DnsMessage.parse(new AnswerBuilder(query).build(0), (short) 99, RecordType.A))
                .isInstanceOf(DnsMessage.Unusable.class);
        byte[] truncated = new AnswerBuilder(query)
                .record(RecordType.A, 60, new byte[] {1, 2, 3, 4})
                .build(0);
        assertThatThrownBy(() ->
                        DnsMessage.parse(java.util.Arrays.copyOf(truncated, truncated.length - 3), ID, RecordType.A))
                .isInstanceOf(DnsMessage.Unusable.class);
    }

    @Test
    void aCompressionLoopIsRefusedNotFollowedForever() {
        byte[] loop = {(byte) 0xC0, 0};
        assertThatThrownBy(() -> DnsMessage.name(loop, ByteBuffer.wrap(loop))).hasMessageContaining("loop");
    }
}
