package dialtone.agent.e911;

import dialtone.hal.modem.ModemStatus.Position;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the box is, as its surroundings say, learned after the location is confirmed: the LTE cells
 * and tracking areas it camps on, the GNSS position (when the modem has a fix), the MAC of the
 * ISP's equipment on the primary, and the LLDP neighbours upstream.
 *
 * @param gnss the mean of the fixes seen, or null
 * @param fixes how many fixes the mean is of
 */
public record SiteFingerprint(
        Set<String> cells, Set<String> tacs, Position gnss, int fixes, Set<String> gatewayMacs, Set<String> upstream) {

    public static final SiteFingerprint EMPTY = new SiteFingerprint(Set.of(), Set.of(), null, 0, Set.of(), Set.of());

    /** This fingerprint with what {@code s} shows added. */
    public SiteFingerprint learn(Sighting s) {
        Position mean = gnss;
        int n = fixes;
        if (s.gnss() != null) {
            n = fixes + 1;
            mean = gnss == null
                    ? s.gnss()
                    : new Position(
                            gnss.latitude() + (s.gnss().latitude() - gnss.latitude()) / n,
                            gnss.longitude() + (s.gnss().longitude() - gnss.longitude()) / n);
        }
        return new SiteFingerprint(
                plus(cells, s.cell()),
                plus(tacs, s.tac()),
                mean,
                n,
                plus(gatewayMacs, s.gatewayMac()),
                plus(upstream, s.upstream()));
    }

    private static Set<String> plus(Set<String> set, String value) {
        return value == null ? set : plus(set, Set.of(value));
    }

    private static Set<String> plus(Set<String> set, Set<String> values) {
        if (set.containsAll(values)) {
            return set;
        }
        Set<String> more = new TreeSet<>(set);
        more.addAll(values);
        return Set.copyOf(more);
    }
}
