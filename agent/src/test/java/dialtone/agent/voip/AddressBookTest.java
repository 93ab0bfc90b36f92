package dialtone.agent.voip;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.HalException;
import dialtone.hal.net.Resolver;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressBookTest {
    private final Map<String, Resolver.Answer> zone = new HashMap<>();
    private boolean down;
    private final Resolver resolver = new Resolver() {
        @Override
        public Answer query(String name, RecordType type) {
            if (down) {
                throw new HalException("dns " + name, "no answer within 2000 ms");
            }
            return zone.getOrDefault(type + " " + name, new Answer(List.of(), Duration.ofSeconds(60)));
        }

        @Override
        public List<InetAddress> servers() {
            return List.of();
        }
    };
    private final AddressBook book = new AddressBook(resolver);
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private void publish(String type, String name, Duration ttl, Resolver.Record... records) {
        zone.put(type + " " + name, new Resolver.Answer(List.of(records), ttl));
    }

    private static Resolver.Address a(String literal) {
        return new Resolver.Address(VoipOnlyPolicyTest.ip(literal));
    }

    private Set<InetAddress> sbc(AddressBook.Pass pass) {
        return pass.names().get("example.net").addresses();
    }

    @Test
    void naptrThenSrvThenAddressesAsRfc3263Says() {
        publish(
                "NAPTR",
                "example.net",
                Duration.ofMinutes(30),
                new Resolver.Naptr(10, 10, "s", "SIP+D2U", "_sip._udp.example.net"));
        publish(
                "SRV",
                "_sip._udp.example.net",
                Duration.ofMinutes(10),
                new Resolver.Srv(10, 50, 5060, "sbc1.example.net"),
                new Resolver.Srv(20, 50, 5070, "sbc2.example.net"));
        publish("A", "sbc1.example.net", Duration.ofMinutes(5), a("198.51.100.10"));
        publish("AAAA", "sbc1.example.net", Duration.ofMinutes(5), a("2001:db8::10"));
        publish("A", "sbc2.example.net", Duration.ofMinutes(5), a("198.51.100.11"));

        AddressBook.Pass pass = book.resolve(Set.of("example.net"), Set.of(), now);

        assertThat(sbc(pass))
                .containsExactlyInAnyOrder(
                        a("198.51.100.10").address(),
                        a("2001:db8::10").address(),
                        a("198.51.100.11").address());
        assertThat(pass.names().get("example.net").ports()).containsExactlyInAnyOrder(5060, 5070);
        assertThat(pass.refreshIn()).as("the smallest TTL").isEqualTo(Duration.ofMinutes(5));
        assertThat(pass.failures()).isEmpty();
    }

    @Test
    void withoutNaptrTheUsualSrvNamesAreTriedAndTheHostItself() {
        publish(
                "SRV",
                "_sip._tcp.example.net",
                Duration.ofMinutes(10),
                new Resolver.Srv(10, 0, 5060, "tcp.example.net"));
        publish("A", "tcp.example.net", Duration.ofMinutes(10), a("198.51.100.12"));
        publish("A", "example.net", Duration.ofMinutes(10), a("198.51.100.13"));

        assertThat(sbc(book.resolve(Set.of("example.net"), Set.of(), now)))
                .containsExactlyInAnyOrder(
                        a("198.51.100.12").address(), a("198.51.100.13").address());
    }

    @Test
    void aNameThatStopsResolvingKeepsItsLastGoodAddresses() {
        publish("A", "example.net", Duration.ofMinutes(5), a("198.51.100.10"));
        book.resolve(Set.of("example.net"), Set.of(), now);

        down = true;
        AddressBook.Pass failing = book.resolve(Set.of("example.net"), Set.of(), now.plusSeconds(300));

        assertThat(sbc(failing)).containsExactly(a("198.51.100.10").address());
        assertThat(failing.failures()).singleElement().asString().contains("example.net");
        assertThat(failing.refreshIn()).as("try again soon").isEqualTo(AddressBook.MIN_REFRESH);

        down = false;
        zone.clear(); // the name is gone: an empty answer is a failure too, the SBC stays allowed
        assertThat(sbc(book.resolve(Set.of("example.net"), Set.of(), now.plusSeconds(600))))
                .containsExactly(a("198.51.100.10").address());
    }

    @Test
    void anAddressThatLeavesTheNameLingersForCallsInProgress() {
        publish("A", "example.net", Duration.ofMinutes(5), a("198.51.100.10"));
        book.resolve(Set.of("example.net"), Set.of(), now);

        publish("A", "example.net", Duration.ofMinutes(5), a("198.51.100.11"));
        AddressBook.Pass moved = book.resolve(Set.of("example.net"), Set.of(), now.plusSeconds(300));
        assertThat(sbc(moved))
                .containsExactlyInAnyOrder(
                        a("198.51.100.10").address(), a("198.51.100.11").address());

        AddressBook.Pass later = book.resolve(Set.of("example.net"), Set.of(), now.plus(Duration.ofMinutes(66)));
        assertThat(sbc(later)).containsExactly(a("198.51.100.11").address());
    }

    @Test
    void literalsNeedNoLookup() {
        down = true;

        AddressBook.Pass pass = book.resolve(Set.of("198.51.100.10"), Set.of("2001:db8::53"), now);

        assertThat(pass.failures()).isEmpty();
        assertThat(pass.names().get("198.51.100.10").addresses())
                .containsExactly(a("198.51.100.10").address());
        assertThat(pass.names().get("2001:db8::53").addresses())
                .containsExactly(a("2001:db8::53").address());
    }

    @Test
    void aResolverThatRefusesAllButAStillGivesTheAddresses() {
        Resolver refusing = new Resolver() {
            @Override
            public Answer query(String name, RecordType type) {
                if (type != RecordType.A) { // an IPv4-only server refusing all else
                    throw new HalException("dns " + name, "rcode 5");
                }
                return new Answer(List.of(a("198.51.100.10")), Duration.ofMinutes(5));
            }

            @Override
            public List<InetAddress> servers() {
                return List.of();
            }
        };

        AddressBook.Pass pass = new AddressBook(refusing).resolve(Set.of("example.net"), Set.of(), now);

        assertThat(pass.failures()).isEmpty();
        assertThat(sbc(pass)).containsExactly(a("198.51.100.10").address());
    }
}
