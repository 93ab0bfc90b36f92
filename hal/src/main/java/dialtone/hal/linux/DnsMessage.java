package dialtone.hal.linux;

import dialtone.hal.net.Resolver.Address;
import dialtone.hal.net.Resolver.Answer;
import dialtone.hal.net.Resolver.Naptr;
import dialtone.hal.net.Resolver.Record;
import dialtone.hal.net.Resolver.RecordType;
import dialtone.hal.net.Resolver.Srv;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds DNS queries and reads answers (RFC 1035, 2782, 3403), pure: bytes in, records out. */
final class DnsMessage {
    static final Duration NEGATIVE_TTL_DEFAULT = Duration.ofSeconds(60);
    private static final int SOA = 6;

    private DnsMessage() {}

    /** Thrown for an answer we cannot use: wrong id, server failure, malformed bytes. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    static byte[] query(short id, String name, RecordType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header =
                ByteBuffer.allocate(12).putShort(id).putShort((short) 0x0100).putShort((short) 1);
        out.writeBytes(header.array());
        for (String label : name.replaceAll("\\.$", "").split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length == 0 || bytes.length > 63) {
                throw new IllegalArgumentException("not a DNS name: " + name);
            }
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4)
                .putShort((short) type.code())
                .putShort((short) 1)
                .array());
        return out.toByteArray();
    }

    static Answer parse(byte[] message, short id, RecordType type) throws Unusable {
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            if (in.getShort() != id) {
                throw new Unusable("answer to another query");
            }
            int flags = in.getShort() & 0xFFFF;
            int rcode = flags & 0xF;
            int questions = in.getShort() & 0xFFFF;
            int answers = in.getShort() & 0xFFFF;
            int authorities = in.getShort() & 0xFFFF;
            in.getShort(); // additional records: not needed
            if ((flags & 0x8000) == 0 || (rcode != 0 && rcode != 3)) {
                throw new Unusable(rcode == 2 ? "server failure" : "rcode " + rcode);
            }
            for (int i = 0; i < questions; i++) {
                name(message, in);
                in.position(in.position() + 4);
            }
            List<Record> records = new ArrayList<>();
            long ttl = Long.MAX_VALUE;
            for (int i = 0; i < answers; i++) {
                name(message, in);
                int rtype = in.getShort() & 0xFFFF;
                in.getShort();
                long recordTtl = in.getInt() & 0xFFFFFFFFL;
                int length = in.getShort() & 0xFFFF;
                int end = in.position() + length;
                if (rtype == type.code()) {
                    records.add(record(message, in, type, length));
                    ttl = Math.min(ttl, recordTtl);
                }
                in.position(end); // CNAMEs and the like are followed by the server already
            }
            if (records.isEmpty()) {
                return new Answer(List.of(), negativeTtl(message, in, authorities));
            }
            return new Answer(records, Duration.ofSeconds(ttl));
        } catch (RuntimeException e) {
            throw new Unusable("malformed answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Record record(byte[] message, ByteBuffer in, RecordType type, int length) throws Unusable {
        return switch (type) {
            case A, AAAA -> {
                byte[] raw = new byte[length];
                in.get(raw);
                try {
                    yield new Address(InetAddress.getByAddress(raw));
                } catch (UnknownHostException e) {
                    throw new Unusable("address of " + length + " bytes");
                }
            }
            case SRV ->
                new Srv(in.getShort() & 0xFFFF, in.getShort() & 0xFFFF, in.getShort() & 0xFFFF, name(message, in));
            case NAPTR ->
                new Naptr(
                        in.getShort() & 0xFFFF,
                        in.getShort() & 0xFFFF,
                        string(in),
                        string(in).toUpperCase(Locale.ROOT),
                        skipThen(in, message));
        };
    }

    private static String skipThen(ByteBuffer in, byte[] message) {
        string(in); // the regexp: SIP's NAPTRs use the replacement
        return name(message, in);
    }

    /** The SOA's minimum from the authority section, as RFC 2308 says for negative answers. */
    private static Duration negativeTtl(byte[] message, ByteBuffer in, int authorities) {
        for (int i = 0; i < authorities; i++) {
            name(message, in);
            int rtype = in.getShort() & 0xFFFF;
            in.getShort();
            long ttl = in.getInt() & 0xFFFFFFFFL;
            int length = in.getShort() & 0xFFFF;
            if (rtype == SOA) {
                int end = in.position() + length;
                in.position(end - 4);
                long minimum = in.getInt() & 0xFFFFFFFFL;
                return Duration.ofSeconds(Math.min(ttl, minimum));
            }
            in.position(in.position() + length);
        }
        return NEGATIVE_TTL_DEFAULT;
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.get() & 0xFF];
        in.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** A possibly compressed name at the buffer's position; leaves the position after it. */
    static String name(byte[] message, ByteBuffer in) {
        StringBuilder name = new StringBuilder();
        int position = in.position();
        int resumeAt = -1;
        for (int hops = 0; hops < 64; hops++) {
            int length = message[position] & 0xFF;
            if ((length & 0xC0) == 0xC0) {
                if (resumeAt < 0) {
                    resumeAt = position + 2;
                }
                position = ((length & 0x3F) << 8) | (message[position + 1] & 0xFF);
                continue;
            }
            if (length == 0) {
                in.position(resumeAt < 0 ? position + 1 : resumeAt);
                return name.isEmpty() ? "." : name.toString();
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(new String(message, position + 1, length, StandardCharsets.US_ASCII));
            position += length + 1;
        }
        throw new IllegalStateException("name compression loop");
    }
}
