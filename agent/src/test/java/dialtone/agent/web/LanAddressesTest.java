package dialtone.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LanAddressesTest {
    @Test
    void theLanInterfacesAddressesAndLoopbackAreServed() throws Exception {
        LanAddresses lan = new LanAddresses("lo"); // plays the LAN: an interface every machine has

        assertThat(lan.current()).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(lan.test(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(lan.test(InetAddress.getByName("192.0.2.2")))
                .as("not one of the LAN's")
                .isFalse();
    }

    @Test
    void withoutALanInterfaceOnlyLoopbackIsServed() throws Exception {
        for (LanAddresses lan : new LanAddresses[] {new LanAddresses(null), new LanAddresses("no-such-lan0")}) {
            assertThat(lan.current()).isEmpty();
            assertThat(lan.test(InetAddress.getByName("::1"))).isTrue();
            assertThat(lan.test(InetAddress.getByName("198.18.50.1"))).isFalse();
        }
    }
}
