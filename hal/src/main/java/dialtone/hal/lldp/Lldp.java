package dialtone.hal.lldp;

import java.util.SequencedMap;
import java.util.Set;

/**
 * LLDP through the box's LLDP daemon: the site's civic location offered to the phones on the LAN
 * (LLDP-MED Location Identification, which phones put in their 911 calls), and the neighbours seen
 * upstream on the primary (a building switch, the ISP's equipment): a sign of where the box is.
 */
public interface Lldp {
    /** A box without an LLDP daemon. */
    Lldp NONE = new Lldp() {
        @Override
        public void advertise(SequencedMap<String, String> civic) {}

        @Override
        public Set<String> upstreamChassis() {
            return Set.of();
        }
    };

    /**
     * Offers {@code civic} on the LAN port, replacing what was offered.
     *
     * @param civic RFC 4776 / 5139 civic elements by name ({@code country}, {@code A1}, {@code A3},
     *     {@code RD}, {@code HNO}, {@code FLR}, ...) in schema order; country first
     */
    void advertise(SequencedMap<String, String> civic);

    /** Chassis ids of the LLDP neighbours on the primary uplink; empty when none answer. */
    Set<String> upstreamChassis();
}
