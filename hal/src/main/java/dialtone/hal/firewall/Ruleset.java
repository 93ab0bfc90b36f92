package dialtone.hal.firewall;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A technology-neutral packet-filter policy: named address sets, ordered rules and the named
 * counters they feed. Pure data; the agent's policies build it, adapters render it.
 */
public record Ruleset(Map<String, Set<InetAddress>> addressSets, List<Rule> rules) {
    public static final Ruleset EMPTY = new Ruleset(Map.of(), List.of());

    public Ruleset {
        addressSets = Map.copyOf(addressSets);
        rules = List.copyOf(rules);
        for (Rule rule : rules) {
            if (rule.remoteSet() != null && !addressSets.containsKey(rule.remoteSet())) {
                throw new IllegalArgumentException("rule refers to unknown address set " + rule.remoteSet());
            }
        }
    }
}
