package dialtone.hal.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * DNS lookups with what {@code InetAddress} does not give: SRV and NAPTR records (how providers
 * publish their SBCs) and the records' time to live. Blocking: call it from a virtual thread.
 */
public interface Resolver {

    /**
     * The records of {@code type} for {@code name}. A name without such records is an answer with
     * no records; no server answering (or a malformed answer) is a {@code HalException}.
     */
    Answer query(String name, RecordType type);

    /** The name servers this box asks: DNS to them must pass on LTE. */
    List<InetAddress> servers();

    enum RecordType {
        A(1),
        AAAA(28),
        SRV(33),
        NAPTR(35);

        private final int code;

        RecordType(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** The records, and how long they may be kept (the smallest TTL; the negative TTL when empty). */
    record Answer(List<Record> records, Duration ttl) {
        public Answer {
            records = List.copyOf(records);
            Objects.requireNonNull(ttl);
        }
    }

    sealed interface Record {}

    record Address(InetAddress address) implements Record {}

    record Srv(int priority, int weight, int port, String target) implements Record {}

    /** Only the fields SIP's NAPTR use needs (RFC 3263): the service and where it points. */
    record Naptr(int order, int preference, String flags, String service, String replacement) implements Record {}
}
