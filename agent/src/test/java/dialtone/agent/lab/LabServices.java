package dialtone.agent.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The lab's services: the provider's (Kamailio as registrar/SBC, DNS, media echo, web) and lldpd. */
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

    /** The lab's name server on 198.51.100.53, publishing {@code name} as {@code address} (TTL 1 s). */
    public static LabProcess nameServer(Lab lab, Path dir, String name, String address) throws Exception {
        LabProcess dnsmasq = LabProcess.start(
                lab,
                "inet",
                dir,
                List.of(
                        "dnsmasq",
                        "--keep-in-foreground",
                        "--no-resolv",
                        "--no-hosts",
                        "--pid-file=",
                        "--bind-interfaces",
                        "--listen-address=198.51.100.53",
                        "--local-ttl=1",
                        "--address=/" + name + "/" + address,
                        "--log-facility=-"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!lab.exec("rtr", "getent", "hosts", name).stdout().contains(address)) {
            if (!dnsmasq.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("dnsmasq does not answer: " + dnsmasq.output());
            }
            Thread.sleep(100);
        }
        return dnsmasq;
    }

    /**
     * lldpd in namespace {@code ns} on {@code iface} only, controlled through {@code socket}, sending
     * a frame every second (the default 30 s would make tests slow); {@code options} such as
     * {@code -M 4} (LLDP-MED network device) or {@code -r} (receive only).
     */
    public static LabProcess lldpd(Lab lab, String ns, Path dir, Path socket, String iface, String... options)
            throws Exception {
        List<String> argv = new java.util.ArrayList<>(
                List.of("lldpd", "-d", "-u", socket.toString(), "-I", iface, "-O", "/dev/null"));
        argv.addAll(List.of(options));
        LabProcess lldpd = LabProcess.start(lab, ns, dir, argv);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!java.nio.file.Files.exists(socket)) {
            if (!lldpd.alive() || System.nanoTime() > deadline) {
                throw new AssertionError("lldpd did not start: " + lldpd.output());
            }
            Thread.sleep(50);
        }
        lab.run(ns, "lldpcli", "-u", socket.toString(), "configure", "lldp", "tx-interval", "1");
        return lldpd;
    }

    /** Echoes UDP datagrams sent to {@code address}:{@code port}, as an SBC's media relay would answer. */
    public static LabProcess udpEcho(Lab lab, Path dir, String address, int port) throws Exception {
        return LabProcess.start(
                lab,
                "inet",
                dir,
                List.of("socat", "UDP-LISTEN:" + port + ",bind=" + address + ",fork,reuseaddr", "EXEC:cat"));
    }

    /**
     * A call's media both ways: the phone sends a line every 20 ms to the SBC's echo on port 16000
     * and writes what comes back to its output, for at most {@code seconds}.
     */
    public static LabProcess echoedStream(Lab lab, Path dir, int seconds) throws Exception {
        return phoneMedia(lab, dir, seconds * 50L, "socat - UDP:" + Lab.SBC + ":16000,sourceport=16002");
    }

    /** Answers TCP connections on {@code port} of 198.51.100.80 with a line: a web server, for reachability. */
    public static LabProcess webServer(Lab lab, Path dir, int port) throws Exception {
        return LabProcess.start(
                lab,
                "inet",
                dir,
                List.of("socat", "TCP-LISTEN:" + port + ",bind=198.51.100.80,fork,reuseaddr", "SYSTEM:echo web"));
    }

    /**
     * Sends {@code bytes} from the phone's LAN to the SBC's address and {@code bytes} back, over TCP on
     * the SIP ports (5060 up, 5061 down: traffic the voice-only policy lets through LTE too), and waits
     * until both are through.
     */
    public static void bulkBothWays(Lab lab, Path dir, long bytes) throws Exception {
        String host = Lab.SBC;
        try (LabProcess sink = tcpSink(lab, dir, host, 5060);
                LabProcess source = LabProcess.start(
                        lab,
                        "inet",
                        dir,
                        List.of(
                                "socat",
                                "-u",
                                "EXEC:head -c " + bytes + " /dev/zero",
                                "TCP-LISTEN:5061,bind=" + host + ",reuseaddr"))) {
            Thread.sleep(300);
            lab.run("lan", "bash", "-c", "head -c " + bytes + " /dev/zero | socat -u - TCP:" + host + ":5060");
            lab.run("lan", "socat", "-u", "TCP:" + host + ":5061", "OPEN:/dev/null");
        }
    }

    /** A steady upload of about {@code kbPerSecond} from the LAN to the SBC's SIP-over-TLS port, for about {@code seconds}. */
    public static LabProcess steadyUpload(Lab lab, Path dir, int kbPerSecond, int seconds) throws Exception {
        String host = Lab.SBC;
        lab.keep(tcpSink(lab, dir, host, 5061));
        Thread.sleep(300);
        int chunks = seconds * 10;
        return LabProcess.start(
                lab,
                "lan",
                dir,
                List.of(
                        "bash",
                        "-c",
                        "for i in $(seq 1 " + chunks + "); do head -c " + kbPerSecond * 100
                                + " /dev/zero; sleep 0.1; done | socat -u - TCP:" + host + ":5061"));
    }

    /**
     * A call's media from the phone: one UDP flow, 50 packets a second (as G.711 at 20 ms), to the
     * SBC's media port, for at most {@code limit}.
     */
    public static LabProcess mediaStream(Lab lab, Path dir, Duration limit) throws Exception {
        return phoneMedia(
                lab, dir, limit.toMillis() / 20, "socat -u - UDP-SENDTO:" + Lab.SBC + ":16000,sourceport=16001");
    }

    /** {@code packets} numbered lines, one every 20 ms, from the phone into {@code socat}. */
    private static LabProcess phoneMedia(Lab lab, Path dir, long packets, String socat) throws Exception {
        return LabProcess.start(
                lab,
                "lan",
                dir,
                List.of(
                        "bash",
                        "-c",
                        "for i in $(seq 1 " + packets + "); do echo rtp $i; sleep 0.02; done | " + socat));
    }

    /** Swallows what arrives on TCP {@code port} of {@code host} in the Internet namespace. */
    private static LabProcess tcpSink(Lab lab, Path dir, String host, int port) throws Exception {
        return LabProcess.start(
                lab,
                "inet",
                dir,
                List.of("socat", "-u", "TCP-LISTEN:" + port + ",bind=" + host + ",reuseaddr", "OPEN:/dev/null"));
    }
}
