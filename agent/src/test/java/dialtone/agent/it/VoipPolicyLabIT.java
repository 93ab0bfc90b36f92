package dialtone.agent.it;

import static dialtone.agent.it.FailoverLabIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.lab.Lab;
import dialtone.agent.lab.LabAgent;
import dialtone.agent.lab.LabProcess;
import dialtone.agent.lab.LabServices;
import dialtone.agent.lab.Phone;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The voice-only policy on a real kernel: the agent's nftables table in the router namespace, the
 * SBC's name published by dnsmasq, Kamailio as the SBC, a sipp phone, socat for web, DNS, UDP and
 * media traffic.
 */
class VoipPolicyLabIT {
    private static final String SBC_NAME = "sbc.lab.test";

    private Lab lab;
    private Path dir;

    @BeforeEach
    void build() throws Exception {
        lab = Lab.up();
        dir = lab.tempDir("voip");
        lab.keep(LabServices.kamailio(lab, dir));
        lab.keep(LabServices.webServer(lab, dir, 80));
        lab.keep(LabServices.webServer(lab, dir, 443));
        lab.keep(LabServices.udpEcho(lab, dir, Lab.SBC, 16000));
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    private LabProcess nameServer;

    private LabAgent agentOnLte() throws Exception {
        nameServer = lab.keep(LabServices.nameServer(lab, dir, SBC_NAME, Lab.SBC));
        LabAgent agent = lab.keep(LabAgent.start(lab, dir, "sbc.hosts = " + SBC_NAME));
        agent.awaitLog("Voice-only policy in force", 15_000);
        lab.outage();
        await("failover", () -> lab.activeDefault().equals("wwan0"));
        return agent;
    }

    private boolean web(String ns) {
        return lab.exec(ns, "timeout", "3", "socat", "-T", "2", "-", "TCP:198.51.100.80:80,connect-timeout=2")
                .stdout()
                .contains("web");
    }

    @Test
    void onLteOnlyVoiceAndManagementPassAndTheRestIsCountedByCategory() throws Exception {
        agentOnLte();
        Phone phone = lab.keep(Phone.start(lab, dir, Duration.ofMinutes(2)));
        await("the phone registers over LTE", () -> {
            try {
                return phone.firstOkAfter(0).isPresent();
            } catch (Exception e) {
                return false;
            }
        });
        String echoed = lab.exec(
                        "lan",
                        "bash",
                        "-c",
                        "printf 'rtp\\n' | timeout 3 socat -T 2 - UDP:" + Lab.SBC + ":16000,sourceport=16001")
                .stdout();
        assertThat(echoed).as("media both ways").contains("rtp");

        assertThat(web("lan")).as("HTTP from the LAN").isFalse();
        assertThat(lab.succeeds("lan", "socat", "-T", "2", "-", "TCP:198.51.100.80:443,connect-timeout=2"))
                .as("HTTPS from the LAN")
                .isFalse();
        lab.exec("lan", "bash", "-c", "printf 'q' | socat -T 1 - UDP:198.51.100.99:53");
        lab.exec("lan", "bash", "-c", "printf 'x' | socat -T 1 - UDP:198.51.100.99:7777");
        assertThat(web("rtr")).as("HTTP from the box itself").isFalse();
        lab.exec("rtr", "bash", "-c", "printf 'x' | socat -T 1 - UDP:198.51.100.99:7777");

        assertThat(lab.counterPackets("lte-blocked-web")).isGreaterThanOrEqualTo(3);
        assertThat(lab.counterPackets("lte-blocked-dns")).isGreaterThanOrEqualTo(1);
        assertThat(lab.counterPackets("lte-blocked-udp")).isGreaterThanOrEqualTo(2);
        assertThat(lab.counterPackets("lte-sip")).isGreaterThanOrEqualTo(1);
        assertThat(lab.counterPackets("lte-media")).isGreaterThanOrEqualTo(1);
        assertThat(lab.run("rtr", "nft", "list", "set", "inet", "dialtone", "lte_blocked"))
                .as("the installer can see where blocked traffic wanted to go")
                .contains("198.51.100.80", "198.51.100.99");
    }

    @Test
    void sipFromStrangersIsDroppedOnBothUplinks() throws Exception {
        lab.keep(LabAgent.start(lab, dir)).awaitLog("Voice-only policy in force", 15_000);
        String options = "OPTIONS sip:100@192.0.2.2 SIP/2.0\\r\\nVia: SIP/2.0/UDP 198.51.100.66\\r\\n\\r\\n";

        lab.exec("inet", "bash", "-c", "printf '" + options + "' | socat -T 1 - UDP:192.0.2.2:5060,bind=198.51.100.66");
        lab.exec("lte", "bash", "-c", "printf '" + options + "' | socat -T 1 - UDP:100.64.0.2:5060");

        assertThat(lab.counterPackets("sip-scan-primary")).isGreaterThanOrEqualTo(1);
        assertThat(lab.counterPackets("sip-scan-lte")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onThePrimaryTheLansTrafficIsUntouched() throws Exception {
        lab.keep(LabAgent.start(lab, dir)).awaitLog("Voice-only policy in force", 15_000);
        await("the primary carries the site", () -> lab.activeDefault().equals("eth0"));

        assertThat(web("lan")).isTrue();
        assertThat(lab.counterPackets("lte-blocked-web")).isZero();
    }

    @Test
    void aMovedSbcIsFollowedWithoutResettingCountersOrCuttingTheCall() throws Exception {
        LabAgent agent = agentOnLte();
        LabProcess call = lab.keep(LabServices.echoedStream(lab, dir, 120));
        Thread.sleep(2_000);
        long mediaBefore = lab.counterPackets("lte-media");
        assertThat(mediaBefore).isGreaterThanOrEqualTo(1);

        nameServer.close(); // the provider moves its SBC
        lab.keep(LabServices.nameServer(lab, dir, SBC_NAME, "198.51.100.11"));
        await(
                "the new address is allowed",
                () -> lab.run("rtr", "nft", "list", "set", "inet", "dialtone", "sbc_v4")
                        .contains("198.51.100.11"),
                Duration.ofSeconds(90));

        assertThat(lab.run("rtr", "nft", "list", "set", "inet", "dialtone", "sbc_v4"))
                .as("the old address lingers for calls in progress")
                .contains("198.51.100.10");
        assertThat(lab.counterPackets("lte-media")).as("counters kept").isGreaterThanOrEqualTo(mediaBefore);
        int echoedBefore = lines(call);
        Thread.sleep(2_000);
        assertThat(lines(call)).as("the call's media still flows both ways").isGreaterThan(echoedBefore + 50);
        assertThat(agent.events()).containsSubsequence("policy-applied", "policy-applied");
    }

    @Test
    void theSavedRulesetAloneKeepsLteVoiceOnly() throws Exception {
        LabAgent agent = agentOnLte();
        agent.close();
        lab.run("rtr", "nft", "delete", "table", "inet", "dialtone"); // as after a reboot
        lab.run("rtr", "nft", "-f", dir.resolve("state/firewall.nft").toString()); // the boot-time unit

        assertThat(web("lan")).isFalse();
        assertThat(lab.counterPackets("lte-blocked-web")).isGreaterThanOrEqualTo(1);
        Phone phone = lab.keep(Phone.start(lab, dir, Duration.ofMinutes(1)));
        await("the phone still registers over LTE", () -> {
            try {
                return phone.firstOkAfter(0).isPresent();
            } catch (Exception e) {
                return false;
            }
        });
    }

    @Test
    void onABoxWhereTheAgentNeverRanTheGenericSafeTableKeepsLteVoiceOnly() throws Exception {
        lab.run("rtr", "ip", "route", "replace", "default", "via", "100.64.0.1", "dev", "wwan0", "metric", "10");
        Path repo = Path.of("..").toAbsolutePath().normalize();
        lab.run(
                "rtr",
                repo.resolve("systemd/load-firewall").toString(),
                dir.resolve("none.nft").toString(),
                repo.resolve("systemd/safe-firewall.nft").toString());

        assertThat(web("lan")).isFalse();
        assertThat(lab.counterPackets("lte-blocked-safe")).isGreaterThanOrEqualTo(1);
        Phone phone = lab.keep(Phone.start(lab, dir, Duration.ofMinutes(1)));
        await("the phone registers over LTE", () -> {
            try {
                return phone.firstOkAfter(0).isPresent();
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static int lines(LabProcess process) {
        return (int)
                process.output().lines().filter(line -> line.startsWith("rtp")).count();
    }
}
