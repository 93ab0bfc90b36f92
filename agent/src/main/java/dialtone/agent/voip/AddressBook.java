package dialtone.agent.voip;

import dialtone.hal.HalException;
import dialtone.hal.net.Resolver;
import dialtone.hal.net.Resolver.Address;
import dialtone.hal.net.Resolver.Naptr;
import dialtone.hal.net.Resolver.RecordType;
import dialtone.hal.net.Resolver.Srv;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the names the voice policy allows, the SIP way (RFC 3263: NAPTR, then SRV, then A and
 * AAAA) for SBCs and plain A/AAAA for the rest, and remembers. A name that fails or comes back empty
 * keeps its last good addresses (cutting the SBCs off would cut the phones off); an address that
 * leaves a name stays allowed for {@link #LINGER}, so a call in progress to it is not cut when the
 * provider moves its DNS. Used from one thread (the firewall service's).
 */
public final class AddressBook {
    static final Duration LINGER = Duration.ofHours(1);
    static final Duration MIN_REFRESH = Duration.ofSeconds(60);
    static final Duration MAX_REFRESH = Duration.ofHours(1);
    private static final Map<String, String> SRV_OF_SERVICE =
            Map.of("SIP+D2U", "_sip._udp.", "SIP+D2T", "_sip._tcp.", "SIPS+D2T", "_sips._tcp.");

    /** Addresses of a name, and the SIP ports its SRV records gave. */
    public record Lookup(Set<InetAddress> addresses, Set<Integer> ports) {}

    /** One pass: what the names resolve to now, when to look again, and which names failed. */
    public record Pass(Map<String, Lookup> names, Duration refreshIn, List<String> failures) {}

    private final Resolver resolver;
    private final Map<String, Lookup> lastGood = new HashMap<>();
    private final Map<String, Map<InetAddress, Instant>> lingering = new HashMap<>();

    public AddressBook(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Resolves {@code sipNames} (SBCs) and {@code plainNames}; literals pass through as they are. */
    public Pass resolve(Set<String> sipNames, Set<String> plainNames, Instant now) {
        Map<String, Lookup> names = new HashMap<>();
        List<String> failures = new ArrayList<>();
        Duration[] ttl = {MAX_REFRESH};
        for (String name : union(sipNames, plainNames)) {
            try {
                Lookup fresh = sipNames.contains(name) ? sip(name, ttl) : new Lookup(addresses(name, ttl), Set.of());
                if (fresh.addresses().isEmpty()) {
                    throw new HalException("dns " + name, "no addresses");
                }
                remember(name, fresh, now);
                names.put(name, withLingering(name, fresh, now));
            } catch (HalException e) {
                failures.add(name + ": " + e.getMessage());
                Optional.ofNullable(lastGood.get(name))
                        .ifPresent(previous -> names.put(name, withLingering(name, previous, now)));
                ttl[0] = MIN_REFRESH;
            }
        }
        Duration refresh = ttl[0].compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : ttl[0];
        return new Pass(names, refresh, failures);
    }

    private Lookup sip(String name, Duration[] ttl) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        Set<Integer> ports = new LinkedHashSet<>();
        Optional<InetAddress> literal = literal(name);
        if (literal.isPresent()) {
            return new Lookup(Set.of(literal.get()), Set.of());
        }
        for (String srvName : srvNames(name, ttl)) {
            for (Resolver.Record record : askOptional(srvName, RecordType.SRV, ttl)) {
                if (record instanceof Srv srv && !srv.target().equals(".")) {
                    ports.add(srv.port());
                    addresses.addAll(addresses(srv.target(), ttl));
                }
            }
        }
        addresses.addAll(addresses(name, ttl)); // the host itself, as RFC 3263 falls back to
        return new Lookup(addresses, ports);
    }

    private List<String> srvNames(String name, Duration[] ttl) {
        List<String> fromNaptr = new ArrayList<>();
        for (Resolver.Record record : askOptional(name, RecordType.NAPTR, ttl)) {
            if (record instanceof Naptr naptr && SRV_OF_SERVICE.containsKey(naptr.service())) {
                fromNaptr.add(naptr.replacement());
            }
        }
        if (!fromNaptr.isEmpty()) {
            return fromNaptr;
        }
        return SRV_OF_SERVICE.values().stream().map(prefix -> prefix + name).toList();
    }

    private Set<InetAddress> addresses(String name, Duration[] ttl) {
        Optional<InetAddress> literal = literal(name);
        if (literal.isPresent()) {
            return Set.of(literal.get());
        }
        Set<InetAddress> found = new LinkedHashSet<>();
        HalException failed = null;
        for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
            try {
                for (Resolver.Record record : ask(name, type, ttl)) {
                    if (record instanceof Address address) {
                        found.add(address.address());
                    }
                }
            } catch (HalException e) {
                failed = e; // one family may be refused (an IPv4-only server refusing AAAA)
            }
        }
        if (found.isEmpty() && failed != null) {
            throw failed;
        }
        return found;
    }

    /** NAPTR and SRV are optional: many resolvers refuse them; the name's A/AAAA decide. */
    private List<Resolver.Record> askOptional(String name, RecordType type, Duration[] ttl) {
        try {
            return ask(name, type, ttl);
        } catch (HalException refused) {
            return List.of();
        }
    }

    private List<Resolver.Record> ask(String name, RecordType type, Duration[] ttl) {
        Resolver.Answer answer = resolver.query(name, type);
        if (!answer.records().isEmpty() && answer.ttl().compareTo(ttl[0]) < 0) {
            ttl[0] = answer.ttl();
        }
        return answer.records();
    }

    /** Addresses that left a name linger, so calls to them are not cut mid-way. */
    private void remember(String name, Lookup fresh, Instant now) {
        Map<InetAddress, Instant> leaving = lingering.computeIfAbsent(name, n -> new HashMap<>());
        Lookup before = lastGood.put(name, fresh);
        if (before != null) {
            before.addresses().stream()
                    .filter(a -> !fresh.addresses().contains(a))
                    .forEach(a -> leaving.putIfAbsent(a, now.plus(LINGER)));
        }
        fresh.addresses().forEach(leaving::remove);
        leaving.values().removeIf(until -> until.isBefore(now));
    }

    private Lookup withLingering(String name, Lookup lookup, Instant now) {
        Map<InetAddress, Instant> leaving = lingering.getOrDefault(name, Map.of());
        Set<InetAddress> all = new LinkedHashSet<>(lookup.addresses());
        leaving.forEach((address, until) -> {
            if (!until.isBefore(now)) {
                all.add(address);
            }
        });
        return new Lookup(all, lookup.ports());
    }

    private static Optional<InetAddress> literal(String name) {
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(name)); // a literal: parsed, not resolved
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
