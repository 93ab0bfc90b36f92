package dialtone.hal.sim;

import dialtone.hal.lldp.Lldp;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;

/** The simulated site's LLDP: remembers what was offered to the phones; the ISP's equipment upstream. */
public final class SimLldp implements Lldp {
    static final String ISP_CHASSIS = "00:00:5e:00:53:01";

    private SequencedMap<String, String> advertised = new LinkedHashMap<>();
    private Set<String> upstream = Set.of(ISP_CHASSIS);

    @Override
    public synchronized void advertise(SequencedMap<String, String> civic) {
        advertised = new LinkedHashMap<>(civic);
    }

    @Override
    public synchronized Set<String> upstreamChassis() {
        return upstream;
    }

    public synchronized SequencedMap<String, String> advertised() {
        return new LinkedHashMap<>(advertised);
    }

    /** The box carried to another building: other equipment upstream. */
    public synchronized void setUpstream(Set<String> chassis) {
        upstream = Set.copyOf(chassis);
    }
}
