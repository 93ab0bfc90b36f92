package dialtone.agent.failover;

import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeMethod;
import dialtone.hal.net.ProbeResult;
import dialtone.hal.net.ProbeTarget;
import dialtone.hal.net.Prober;
import java.time.Duration;
import java.util.List;

/** "Does the provider answer through this uplink?": SIP OPTIONS to each SBC until one answers. */
public final class SbcProbe {
    private final Prober prober;
    private final List<ProbeTarget> sbcs;

    public SbcProbe(Prober prober, List<String> sbcHosts) {
        this.prober = prober;
        this.sbcs = sbcHosts.stream()
                .map(host -> ProbeTarget.of(ProbeMethod.SIP, host))
                .toList();
    }

    public boolean configured() {
        return !sbcs.isEmpty();
    }

    /** The first answer, or the last loss; a lost probe when no SBC is configured. */
    public ProbeResult via(Uplink uplink, Duration timeout) {
        ProbeResult result = ProbeResult.lost("no SBC configured");
        for (ProbeTarget sbc : sbcs) {
            result = prober.probe(uplink, sbc, timeout);
            if (result.answered()) {
                return result;
            }
        }
        return result;
    }
}
