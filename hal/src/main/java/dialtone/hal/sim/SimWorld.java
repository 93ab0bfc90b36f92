package dialtone.hal.sim;

import dialtone.hal.Hal;
import dialtone.hal.Uplink;
import dialtone.hal.net.ProbeMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A believable customer site with no hardware: a primary Internet line that can be up, dead behind
 * a link that stays up, or lossy; an LTE modem with registration and signal; phones whose calls
 * send G.711 RTP over whichever uplink is active; and a wall clock the demo can move. It powers
 * {@code --sim} and the tests; every port of {@link #hal()} is a thin view of this one state.
 */
public final class SimWorld {
    /** The state of the primary line behind its (always up) Ethernet link. */
    public enum LineState {
        UP,
        DOWN,
        LOSSY
    }

    /** Interface names the simulated box reports, as configured on a real one. */
    public record Interfaces(String primary, String lte, String lan) {
        public static final Interfaces DEFAULT = new Interfaces("eth0", "wwan0", "eth1");
    }

    /** What can go wrong with a modem, each mended by one more recovery step than the one before. */
    public enum ModemFault {
        NONE,
        /** Registered, but the data bearer dropped: reconnecting mends it. */
        BEARER_DROPPED,
        /** Searching for ever with a good SIM and signal: a reset mends it. */
        STUCK_SEARCHING,
        /** Answers nothing: only a power cycle mends it. */
        HUNG,
        /** Answers nothing, whatever is done: a human must come. */
        DEAD
    }

    /** Everything the demo's sim panel shows. */
    public record Snapshot(
            LineState primaryLine,
            int lossPercent,
            boolean modemPresent,
            boolean lteRegistered,
            int signalBars,
            int activeCalls,
            Duration clockOffset,
            boolean clockTrusted) {}

    private static final long RTP_PACKET_NANOS = 1_000_000_000L / SimTraffic.RTP_PACKETS_PER_SECOND;
    private static final long MODEM_RESET_NANOS = Duration.ofSeconds(10).toNanos();

    private final SimClock clock;
    private final LongSupplier monotonicNanos;
    private final RandomGenerator random;
    private final Interfaces interfaces;
    private final SimTraffic traffic = new SimTraffic();
    private final SimIndicators indicators = new SimIndicators();
    private final SimButtons buttons = new SimButtons();
    private final SimResolver resolver = new SimResolver();
    private final SimLldp lldp = new SimLldp();

    private LineState primaryLine = LineState.UP;
    private int lossPercent;
    private boolean modemPresent = true;
    private boolean lteRegistered = true;
    private int signalBars = 4;
    private long modemSearchingUntil;
    private ModemFault modemFault = ModemFault.NONE;
    private String primaryGatewayMac = "00:00:5e:00:53:aa";
    private boolean clockTrusted = true;
    private int activeCalls;
    private final java.util.Set<Uplink> blocked = java.util.EnumSet.noneOf(Uplink.class);
    private Uplink activeUplink = Uplink.PRIMARY; // what the DHCP client installed at boot
    private long accruedAt;
    private long rtpCarryNanos;

    public SimWorld(Clock wallClock, LongSupplier monotonicNanos, RandomGenerator random, Interfaces interfaces) {
        this.clock = new SimClock(wallClock);
        this.monotonicNanos = monotonicNanos;
        this.random = random;
        this.interfaces = interfaces;
        this.accruedAt = monotonicNanos.getAsLong();
    }

    /** A site on the real clocks, as the demo runs it. */
    public static SimWorld live(Interfaces interfaces) {
        return new SimWorld(Clock.systemDefaultZone(), System::nanoTime, RandomGenerator.getDefault(), interfaces);
    }

    /** The ports of this world, for the agent. */
    public Hal hal() {
        return new Hal(
                true,
                clock,
                this::clockTrusted,
                new SimLinks(this),
                new SimProber(this),
                resolver,
                new SimRoutes(this),
                new SimFirewall(this),
                new SimFlows(this),
                new SimModem(this),
                lldp,
                indicators,
                buttons);
    }

    // ---- what the demo and the tests change ----

    public SimLldp lldp() {
        return lldp;
    }

    public synchronized void setPrimary(LineState state, int lossPercent) {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("lossPercent must be 0-100");
        }
        accrue();
        this.primaryLine = state;
        this.lossPercent = state == LineState.LOSSY ? lossPercent : 0;
    }

    public synchronized void setLte(boolean registered, int signalBars) {
        if (signalBars < 0 || signalBars > 5) {
            throw new IllegalArgumentException("signalBars must be 0-5");
        }
        accrue();
        this.lteRegistered = registered;
        this.signalBars = signalBars;
    }

    public synchronized void setModemPresent(boolean present) {
        accrue();
        this.modemPresent = present;
    }

    /** The ISP's equipment on the primary: another one when the box is carried elsewhere. */
    public synchronized void setPrimaryGatewayMac(String mac) {
        this.primaryGatewayMac = mac;
    }

    /** The ISP's modem answers ARP even when the line behind it is dead. */
    synchronized Optional<String> primaryGatewayMac() {
        return Optional.of(primaryGatewayMac);
    }

    public synchronized void setModemFault(ModemFault fault) {
        accrue();
        this.modemFault = fault;
    }

    public synchronized ModemFault modemFault() {
        return modemFault;
    }

    public synchronized void setActiveCalls(int calls) {
        if (calls < 0 || calls > 1000) {
            throw new IllegalArgumentException("active calls must be 0-1000");
        }
        accrue();
        this.activeCalls = calls;
    }

    public void advanceClock(Duration amount) {
        clock.advance(amount);
    }

    public synchronized void setClockTrusted(boolean trusted) {
        this.clockTrusted = trusted;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(
                primaryLine,
                lossPercent,
                modemPresent,
                lteRegistered,
                signalBars,
                activeCalls,
                clock.offset(),
                clockTrusted);
    }

    public SimClock clock() {
        return clock;
    }

    public SimIndicators indicators() {
        return indicators;
    }

    public SimButtons buttons() {
        return buttons;
    }

    public SimResolver resolver() {
        return resolver;
    }

    // ---- what the sim adapters read ----

    Interfaces interfaces() {
        return interfaces;
    }

    synchronized boolean clockTrusted() {
        return clockTrusted;
    }

    synchronized Optional<Uplink> activeUplink() {
        return Optional.of(activeUplink);
    }

    synchronized void activate(Uplink uplink) {
        accrue();
        activeUplink = uplink;
    }

    synchronized void block(Uplink uplink, boolean block) {
        accrue();
        if (block) {
            blocked.add(uplink);
        } else {
            blocked.remove(uplink);
        }
    }

    synchronized int activeCalls() {
        return activeCalls;
    }

    synchronized int signalBars() {
        return signalBars;
    }

    synchronized boolean modemPresent() {
        return modemPresent;
    }

    /** Registered on the network, i.e. the bearer can carry data (not while recovering a reset). */
    synchronized boolean lteUsable() {
        return modemPresent && lteRegistered && signalBars > 0 && !modemSearching() && modemFault == ModemFault.NONE;
    }

    synchronized boolean modemSearching() {
        return monotonicNanos.getAsLong() - modemSearchingUntil < 0;
    }

    synchronized void resetModem() {
        accrue();
        modemSearchingUntil = monotonicNanos.getAsLong() + MODEM_RESET_NANOS;
    }

    /** A recovery step on the modem: mends the faults that step mends, and no others. */
    synchronized void mendModem(ModemFault upTo) {
        accrue();
        if (modemFault != ModemFault.DEAD && modemFault.ordinal() <= upTo.ordinal()) {
            modemFault = ModemFault.NONE;
        }
    }

    synchronized SimTraffic traffic() {
        accrue();
        return traffic;
    }

    /**
     * One probe through {@code via}: counts its bytes on that uplink and answers with the round
     * trip, or empty when the path loses it.
     */
    synchronized Optional<Duration> probe(Uplink via, ProbeMethod method) {
        int[] size = probeBytes(method);
        boolean answered = pathDelivers(via);
        if (!blocked.contains(via)) {
            traffic.addExchange(via, size[0], answered ? size[1] : 0);
        }
        return answered ? Optional.of(roundTrip(via)) : Optional.empty();
    }

    private boolean pathDelivers(Uplink via) {
        return random.nextDouble() < deliveredFraction(via);
    }

    private Duration roundTrip(Uplink via) {
        int millis = via == Uplink.LTE
                ? 40 + (5 - signalBars) * 8 + random.nextInt(20)
                : (primaryLine == LineState.LOSSY ? 30 : 10) + random.nextInt(6);
        return Duration.ofMillis(millis);
    }

    /** IP bytes sent and received by one probe exchange. */
    private static int[] probeBytes(ProbeMethod method) {
        return switch (method) {
            case ICMP -> new int[] {84, 84};
            case DNS -> new int[] {60, 120};
            case TCP -> new int[] {164, 112};
            case SIP -> new int[] {480, 420};
        };
    }

    /** Books the RTP of active calls since the last change onto the uplink that carried it. */
    private void accrue() {
        long now = monotonicNanos.getAsLong();
        long elapsed = now - accruedAt + rtpCarryNanos;
        accruedAt = now;
        long packetsPerCall = elapsed / RTP_PACKET_NANOS;
        rtpCarryNanos = elapsed % RTP_PACKET_NANOS;
        if (activeCalls == 0 || packetsPerCall == 0) {
            return;
        }
        if (blocked.contains(activeUplink) || (activeUplink == Uplink.LTE && !lteUsable())) {
            return; // nothing leaves: dropped at our own egress, or no bearer
        }
        long sent = packetsPerCall * activeCalls;
        long received = Math.round(sent * deliveredFraction(activeUplink));
        traffic.add(activeUplink, received, sent, SimTraffic.RTP_PACKET_BYTES);
    }

    /** The share of packets the path through {@code uplink} delivers right now. */
    private double deliveredFraction(Uplink uplink) {
        if (blocked.contains(uplink)) {
            return 0.0;
        }
        if (uplink == Uplink.LTE) {
            return !lteUsable() ? 0.0 : signalBars == 1 ? 0.8 : 1.0;
        }
        return switch (primaryLine) {
            case UP -> 1.0;
            case DOWN -> 0.0;
            case LOSSY -> 1.0 - lossPercent / 100.0;
        };
    }
}
