package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.modem.PinGate.Verdict;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import org.junit.jupiter.api.Test;

class PinGateTest {
    private static final String ICCID = "8901260882310000123";
    private final PinGate.Memory memory = ModemRecoveryTest.memory();

    @Test
    void aPinIsOfferedOnceAndAWrongOneNeverAgainEvenAfterARestart() {
        assertThat(new PinGate(() -> "1234", memory).judge(asking(3))).isEqualTo(Verdict.OFFER);
        // refused: the SIM still asks, one attempt fewer; a restarted agent has the same memory
        assertThat(new PinGate(() -> "1234", memory).judge(asking(2))).isEqualTo(Verdict.ASK_A_HUMAN);
        assertThat(new PinGate(() -> "1234", memory).judge(asking(2))).isEqualTo(Verdict.ASK_A_HUMAN);
    }

    @Test
    void threeWrongPinsAreNeverSentAutomatically() {
        assertThat(new PinGate(() -> "1111", memory).judge(asking(3))).isEqualTo(Verdict.OFFER);
        assertThat(new PinGate(() -> "2222", memory).judge(asking(2))).isEqualTo(Verdict.OFFER);
        assertThat(new PinGate(() -> "3333", memory).judge(asking(1)))
                .as("the last attempt is a person's")
                .isEqualTo(Verdict.ASK_A_HUMAN);
    }

    @Test
    void aNewSimGetsTheConfiguredPinOnceToo() {
        assertThat(new PinGate(() -> "1234", memory).judge(asking(3))).isEqualTo(Verdict.OFFER);
        SimCard other = new SimCard(SimState.PIN_REQUIRED, "8901260882319999999", null, 3);
        assertThat(new PinGate(() -> "1234", memory).judge(other)).isEqualTo(Verdict.OFFER);
    }

    @Test
    void noPinConfiguredOrNoneAskedFor() {
        assertThat(new PinGate(() -> null, memory).judge(asking(3))).isEqualTo(Verdict.ASK_A_HUMAN);
        assertThat(new PinGate(() -> "1234", memory).judge(new SimCard(SimState.READY, ICCID, null, 3)))
                .isEqualTo(Verdict.NOT_ASKED);
        assertThat(new PinGate(() -> "1234", memory).judge(new SimCard(SimState.PUK_LOCKED, ICCID, null, 0)))
                .isEqualTo(Verdict.NOT_ASKED);
    }

    private static SimCard asking(int attemptsLeft) {
        return new SimCard(SimState.PIN_REQUIRED, ICCID, "310260123456789", attemptsLeft);
    }
}
