package dialtone.hal.sim;

import dialtone.hal.net.Resolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated site's DNS: the provider's SBC and whatever a test publishes. */
public final class SimResolver implements Resolver {
    static final Duration TTL = Duration.ofMinutes(5);

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();

    SimResolver() {
        publish("sbc.example.net", "198.51.100.10");
    }

    /** Makes {@code name} resolve to {@code addresses} (none: the name does not exist). */
    public void publish(String name, String... addresses) {
        names.put(
                name,
                java.util.Arrays.stream(addresses).map(SimResolver::literal).toList());
    }

    @Override
    public Answer query(String name, RecordType type) {
        List<Record> records =
                switch (type) {
                    case A, AAAA ->
                        names.getOrDefault(name, List.of()).stream()
                                .filter(a -> (a.getAddress().length == 4) == (type == RecordType.A))
                                .map(a -> (Record) new Address(a))
                                .toList();
                    case SRV, NAPTR -> List.of();
                };
        return new Answer(records, TTL);
    }

    @Override
    public List<InetAddress> servers() {
        return List.of(literal("198.51.100.53"));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
