package dialtone.agent.voip;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.ConfigSources;
import dialtone.agent.config.ConfigValidator;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.hal.HalException;
import dialtone.hal.Uplink;
import dialtone.hal.firewall.Counter;
import dialtone.hal.firewall.Firewall;
import dialtone.hal.firewall.Flows;
import dialtone.hal.firewall.Ruleset;
import dialtone.hal.sim.SimResolver;
import dialtone.hal.sim.SimWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewallServiceTest {
    @TempDir
    Path dir;

    private Database db;
    private EventLog events;
    private final RecordingFirewall firewall = new RecordingFirewall();
    private final SimResolver resolver =
            SimWorld.live(SimWorld.Interfaces.DEFAULT).resolver();
    private int flows;
    private FirewallService service;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        events = new EventLog(db, Clock.systemUTC());
        AgentConfig config = ConfigValidator.validate(new ConfigSources(
                        Map.of(), Map.of("sbc.hosts", "sbc.example.net", "voice.seats", "2"), Map.of()))
                .config()
                .orElseThrow();
        service = new FirewallService(
                config,
                new FirewallService.Ports(
                        firewall,
                        new Flows() {
                            @Override
                            public int activeMediaFlows() {
                                return flows;
                            }

                            @Override
                            public int forget(Uplink uplink) {
                                return 0;
                            }
                        },
                        resolver),
                events,
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> types() {
        return events.page(null, 50).reversed().stream().map(Event::type).toList();
    }

    @Test
    void thePolicyIsAppliedWithTheResolvedSbcAndOnlyReappliedWhenItChanges() {
        service.refresh();
        service.refresh();

        assertThat(firewall.applied).hasSize(1);
        assertThat(firewall.active.addressSets().get("sbc")).containsExactly(VoipOnlyPolicyTest.ip("198.51.100.10"));
        assertThat(service.applied()).isTrue();

        resolver.publish("sbc.example.net", "198.51.100.11");
        service.refresh();
        assertThat(firewall.applied).hasSize(2);
        assertThat(firewall.active.addressSets().get("sbc"))
                .as("the old one lingers")
                .containsExactlyInAnyOrder(
                        VoipOnlyPolicyTest.ip("198.51.100.10"), VoipOnlyPolicyTest.ip("198.51.100.11"));
    }

    @Test
    void aFailedApplyKeepsThePreviousPolicyAndSaysSo() {
        service.refresh();
        Ruleset before = firewall.active;
        firewall.failing = true;
        resolver.publish("sbc.example.net", "198.51.100.12");

        service.refresh();

        assertThat(firewall.active).isSameAs(before);
        assertThat(types()).containsSubsequence("policy-applied", "policy-apply-failed");
    }

    @Test
    void anSbcNameThatStopsResolvingKeepsItsAddressesAndIsReportedOnce() {
        service.refresh();
        resolver.publish("sbc.example.net"); // gone

        service.refresh();
        service.refresh();

        assertThat(firewall.active.addressSets().get("sbc")).containsExactly(VoipOnlyPolicyTest.ip("198.51.100.10"));
        assertThat(types()).containsOnlyOnce("sbc-resolution-failed");
        resolver.publish("sbc.example.net", "198.51.100.10");
        service.refresh();
        assertThat(types()).contains("sbc-resolution-ok");
    }

    @Test
    void sipScanningAndUnusualCallVolumeRaiseEvents() {
        service.refresh();
        service.watch();
        firewall.counters.put(VoipOnlyPolicy.sipScanCounter(Uplink.PRIMARY), new Counter(25, 12_000));
        flows = 3;

        service.watch();

        assertThat(types()).contains("sip-scanning", "unusual-call-volume");
    }

    static final class RecordingFirewall implements Firewall {
        final List<Ruleset> applied = new java.util.ArrayList<>();
        final Map<String, Counter> counters = new HashMap<>();
        Ruleset active = Ruleset.EMPTY;
        boolean failing;

        @Override
        public void apply(Ruleset ruleset) {
            if (failing) {
                throw new HalException("nft -f", "exit 1: Error: Could not process rule");
            }
            applied.add(ruleset);
            active = ruleset;
        }

        @Override
        public Ruleset active() {
            return active;
        }

        @Override
        public LteBytes readAndResetLteBytes() {
            return LteBytes.ZERO;
        }

        @Override
        public Map<String, Counter> ruleCounters() {
            return Map.copyOf(counters);
        }

        @Override
        public List<Blocked> recentlyBlocked() {
            return List.of();
        }

        @Override
        public void block(Uplink uplink, boolean blocked) {}
    }
}
