package dialtone.agent.modem;

import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the configured SIM PIN may be offered: each PIN at most once per SIM, ever (what was
 * tried survives restarts, as a digest, so a crash loop cannot spend the attempts), and never
 * when fewer than two attempts are left, so the agent alone can never lock a SIM into its PUK.
 */
public final class PinGate {
    /** Remembers the digest of the last PIN offered to a SIM, across restarts. */
    public interface Memory {
        Optional<String> tried();

        void remember(String digest);
    }

    public enum Verdict {
        /** Offer it now (the attempt is remembered first). */
        OFFER,
        /** Nothing to do: no PIN asked for. */
        NOT_ASKED,
        /** A human must act: no PIN configured, the configured one was refused, or too few attempts left. */
        ASK_A_HUMAN
    }

    private final Supplier<String> pin;
    private final Memory memory;

    /** @param pin the PIN in force now, or {@code null} (the installer may set another at any time) */
    public PinGate(Supplier<String> pin, Memory memory) {
        this.pin = pin;
        this.memory = memory;
    }

    public Verdict judge(SimCard sim) {
        if (sim.state() != SimState.PIN_REQUIRED) {
            return Verdict.NOT_ASKED;
        }
        String now = pin.get();
        if (now == null || (sim.pinRetries() != null && sim.pinRetries() < 2)) {
            return Verdict.ASK_A_HUMAN;
        }
        String digest = digest(sim.iccid(), now);
        if (memory.tried().filter(digest::equals).isPresent()) {
            return Verdict.ASK_A_HUMAN;
        }
        memory.remember(digest);
        return Verdict.OFFER;
    }

    public String pin() {
        return pin.get();
    }

    static String digest(String iccid, String pin) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(((iccid == null ? "unknown-sim" : iccid) + ":" + pin).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
