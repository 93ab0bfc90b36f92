package dialtone.agent.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The provider's side of the lab: Kamailio as registrar/SBC (Debian's default config). */
public final class LabServices {
    private LabServices() {}

    public static LabProcess kamailio(Lab lab, Path dir) throws Exception {
        LabProcess kamailio = LabProcess.start(
                lab,
                "inet",
                dir,
                List.of(
                        "kamailio",
                        "-f",
                        "/etc/kamailio/kamailio.cfg",
                        "-DD",
                        "-E",
                        "-l",
                        "udp:" + Lab.SBC + ":5060",
                        "-Y",
                        dir.toString(),
                        "-n",
                        "2",
                        "-m",
                        "32",
                        "-M",
                        "8"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!kamailio.output().contains("io_listen_loop") && System.nanoTime() < deadline) {
            if (!kamailio.alive()) {
                throw new AssertionError("kamailio exited: " + kamailio.output());
            }
            Thread.sleep(50);
        }
        return kamailio;
    }

    /**
     * A call's media from the phone: one UDP flow, 50 packets a second (as G.711 at 20 ms), to the
     * SBC's media port, for at most {@code limit}.
     */
    public static LabProcess mediaStream(Lab lab, Path dir, Duration limit) throws Exception {
        long packets = limit.toMillis() / 20;
        return LabProcess.start(
                lab,
                "lan",
                dir,
                List.of(
                        "bash",
                        "-c",
                        "for i in $(seq 1 " + packets + "); do echo rtp; sleep 0.02; done | socat -u - UDP-SENDTO:"
                                + Lab.SBC
                                + ":16000,sourceport=16001"));
    }
}
