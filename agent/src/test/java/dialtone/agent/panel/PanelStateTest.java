package dialtone.agent.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.failover.FailoverState.Phase;
import dialtone.agent.panel.PanelState.Carrier;
import dialtone.agent.panel.PanelState.LteSignal;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimCard;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import org.junit.jupiter.api.Test;

class PanelStateTest {

    @Test
    void theCarrierIsTheUplinkInUseWhileItWorks() {
        assertThat(Carrier.of(Phase.ON_PRIMARY, false, false)).isEqualTo(Carrier.PRIMARY);
        assertThat(Carrier.of(Phase.ON_LTE, true, true)).isEqualTo(Carrier.LTE);
        assertThat(Carrier.of(Phase.FAILING_OVER, true, true)).isEqualTo(Carrier.SWITCHING);
        assertThat(Carrier.of(Phase.FAILING_BACK, false, true)).isEqualTo(Carrier.SWITCHING);
    }

    @Test
    void noCarrierWhenTheUplinkInUseIsDown() {
        assertThat(Carrier.of(Phase.ON_PRIMARY, true, false))
                .as("primary down, LTE not ready")
                .isEqualTo(Carrier.NONE);
        assertThat(Carrier.of(Phase.ON_PRIMARY, true, true))
                .as("forced to a dead primary")
                .isEqualTo(Carrier.NONE);
        assertThat(Carrier.of(Phase.ON_LTE, true, false)).isEqualTo(Carrier.NONE);
    }

    @Test
    void theSignalKeepsTheModemRecoverysMeaning() {
        assertThat(LteSignal.of(null)).as("not answering").isEqualTo(LteSignal.FAULT);
        assertThat(LteSignal.of(ModemStatus.ABSENT)).isEqualTo(LteSignal.FAULT);
        assertThat(LteSignal.of(modem(Registration.SEARCHING, -90.0, false))).isEqualTo(LteSignal.NOT_READY);
        assertThat(LteSignal.of(modem(Registration.HOME, -110.0, true)))
                .as("2 bars")
                .isEqualTo(LteSignal.GOOD);
        assertThat(LteSignal.of(modem(Registration.HOME, -120.0, true)))
                .as("1 bar")
                .isEqualTo(LteSignal.WEAK);
        assertThat(LteSignal.of(modem(Registration.UNKNOWN, null, true)))
                .as("an LTE router on Ethernet reports no signal")
                .isEqualTo(LteSignal.GOOD);
    }

    private static ModemStatus modem(Registration registration, Double rsrp, boolean bearer) {
        return new ModemStatus(
                true,
                new SimCard(SimState.READY, null, null, null),
                registration,
                null,
                null,
                new Signal(null, rsrp, null, null),
                null,
                bearer ? new Bearer(true, "apn", "100.64.0.2") : Bearer.DOWN,
                null,
                null);
    }
}
