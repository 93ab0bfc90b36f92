package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.HalException;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import org.junit.jupiter.api.Test;

/**
 * What every modem adapter owes the agent, whatever it speaks: each adapter's test puts its fake
 * modem in these states and the same assertions hold.
 */
abstract class LteModemContract {

    /** Registered at home, with a data bearer and its identities. */
    abstract LteModem registered() throws Exception;

    abstract LteModem withoutSim() throws Exception;

    abstract LteModem askingForPin() throws Exception;

    abstract LteModem unplugged() throws Exception;

    /** Answering something no modem should: truncated, binary, or the wrong shape. */
    abstract LteModem answeringGarbage() throws Exception;

    @Test
    void aRegisteredModemIsReadyAndSaysWhoItIs() throws Exception {
        ModemStatus status = registered().status();

        assertThat(status.ready()).isTrue();
        assertThat(status.registration()).isEqualTo(Registration.HOME);
        assertThat(status.sim().state()).isEqualTo(SimState.READY);
        assertThat(status.sim().iccid()).startsWith("89");
        assertThat(status.imei()).matches("\\d{15}");
        assertThat(status.signal().bars()).isBetween(1, 5);
        assertThat(status.bearer().address()).startsWith("100.64.");
    }

    @Test
    void noSimIsSaidAndIsNotReady() throws Exception {
        ModemStatus status = withoutSim().status();

        assertThat(status.present()).isTrue();
        assertThat(status.sim().state()).isEqualTo(SimState.MISSING);
        assertThat(status.ready()).isFalse();
    }

    @Test
    void aSimAskingForItsPinIsSaid() throws Exception {
        assertThat(askingForPin().status().sim().state()).isEqualTo(SimState.PIN_REQUIRED);
    }

    @Test
    void anUnpluggedModemIsAbsentNotAnError() throws Exception {
        assertThat(unplugged().status()).isEqualTo(ModemStatus.ABSENT);
    }

    @Test
    void garbageIsAClearErrorNotACrashOrAGuess() throws Exception {
        LteModem modem = answeringGarbage();
        assertThatThrownBy(modem::status).isInstanceOf(HalException.class).hasMessageContaining("unreadable");
    }
}
