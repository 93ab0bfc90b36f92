package dialtone.hal;

import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Flows;
import dialtone.hal.gpio.Buttons;
import dialtone.hal.gpio.Indicators;
import dialtone.hal.lldp.Lldp;
import dialtone.hal.modem.LteModem;
import dialtone.hal.net.NetworkLinks;
import dialtone.hal.net.Prober;
import dialtone.hal.net.Resolver;
import dialtone.hal.route.Routes;
import dialtone.hal.sys.ClockTrust;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the agent may touch outside the JVM, as ports. Built once by the composition root
 * from either the Linux adapters or the simulated world; the agent never knows which.
 *
 * @param simulated true when the ports drive a {@code SimWorld}, never on a real box
 */
public record Hal(
        boolean simulated,
        Clock clock,
        ClockTrust clockTrust,
        NetworkLinks links,
        Prober prober,
        Resolver resolver,
        Routes routes,
        Firewall firewall,
        Flows flows,
        LteModem modem,
        Lldp lldp,
        Indicators indicators,
        Buttons buttons) {

    public Hal {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockTrust, "clockTrust");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(prober, "prober");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(firewall, "firewall");
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(lldp, "lldp");
        Objects.requireNonNull(indicators, "indicators");
        Objects.requireNonNull(buttons, "buttons");
    }
}
