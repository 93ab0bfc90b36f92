package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw AT adapter against a fake modem on a real pseudo-terminal (socat). */
class AtModemTest extends LteModemContract {
    @TempDir
    Path dir;

    private FakeAtModem fake;
    private AtModem modem;

    @BeforeEach
    void plugIn() throws Exception {
        fake = new FakeAtModem(dir.resolve("modem"), FakeAtModem.EC25);
        modem = new AtModem(new AtPort(fake.tty(), new Commands(new JdkProcessRunner())));
    }

    @AfterEach
    void unplug() {
        fake.close();
    }

    @Override
    LteModem registered() {
        return modem;
    }

    @Override
    LteModem withoutSim() throws Exception {
        fake.reply("AT+CPIN?", "+CME ERROR: 10");
        return modem;
    }

    @Override
    LteModem askingForPin() throws Exception {
        fake.reply("AT+CPIN?", "+CPIN: SIM PIN\r\n\r\nOK");
        return modem;
    }

    @Override
    LteModem unplugged() throws Exception {
        assertThat(modem.status().ready()).isTrue();
        fake.unplug();
        return modem;
    }

    @Override
    LteModem answeringGarbage() throws Exception {
        fake.reply("AT+CEREG?", "\u00ff\u00fe+CEREG: ??\r\n\r\nOK");
        return modem;
    }

    @Test
    void aModemPluggedBackInAnswersAgain() throws Exception {
        unplugged().status();
        fake.plug();
        assertThat(modem.status().ready()).isTrue();
    }

    @Test
    void aRegisteredModemReadsCompletely() {
        ModemStatus status = modem.status();

        assertThat(status.registration()).isEqualTo(Registration.HOME);
        assertThat(status.operator()).isEqualTo("T-Mobile");
        assertThat(status.accessTechnology()).isEqualTo("lte");
        assertThat(status.signal()).isEqualTo(new Signal(-67.0, -97.0, -9.0, null));
        assertThat(status.cell()).isEqualTo(new CellId("01A2D30F", "2B67"));
        assertThat(status.bearer()).isEqualTo(new Bearer(true, "fast.t-mobile.com", "100.64.12.34"));
        assertThat(status.imei()).isEqualTo("861107032685597");
        assertThat(status.sim().state()).isEqualTo(SimState.READY);
        assertThat(status.sim().iccid()).isEqualTo("8901260882310000123F");
        assertThat(status.sim().imsi()).isEqualTo("310260123456789");
        assertThat(status.ready()).isTrue();
    }

    @Test
    void aPukLockedSim() throws Exception {
        fake.reply("AT+CPIN?", "+CPIN: SIM PUK\r\n\r\nOK");
        assertThat(modem.status().sim().state()).isEqualTo(SimState.PUK_LOCKED);
        assertThat(modem.status().ready()).isFalse();
    }

    @Test
    void noCoverageAndDenied() throws Exception {
        fake.reply("AT+CEREG?", "+CEREG: 2,2\r\n\r\nOK");
        fake.reply("AT+CESQ", "+CESQ: 99,99,255,255,255,255\r\n\r\nOK");
        fake.reply("AT+CSQ", "+CSQ: 99,99\r\n\r\nOK");
        fake.reply("AT+CGACT?", "+CGACT: 1,0\r\n\r\nOK");
        ModemStatus searching = modem.status();
        assertThat(searching.registration()).isEqualTo(Registration.SEARCHING);
        assertThat(searching.signal()).isEqualTo(Signal.UNKNOWN);
        assertThat(searching.cell()).isNull();

        fake.reply("AT+CEREG?", "+CEREG: 2,3\r\n\r\nOK");
        assertThat(modem.status().registration()).isEqualTo(Registration.DENIED);
    }

    @Test
    void aModemThatStopsAnsweringIsNoticedByTheDeadline() throws Exception {
        fake.reply("AT+CSQ", "+CSQ: 23,99"); // truncated: no final result code
        long started = System.nanoTime();

        assertThatThrownBy(modem::status)
                .isInstanceOf(HalException.class)
                .hasMessageContaining("no answer within 3000 ms");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(6_000);

        fake.reply("AT+CSQ", "+CSQ: 23,99\r\n\r\nOK");
        assertThat(modem.status().ready()).as("answers again").isTrue();
    }

    @Test
    void aRefusedPinIsAnErrorThatDoesNotRepeatThePin() throws Exception {
        fake.reply("AT+CPIN=\"4321\"", "+CME ERROR: 16");

        assertThatThrownBy(() -> modem.enterPin("4321"))
                .isInstanceOf(HalException.class)
                .hasMessageContaining("CME ERROR: 16")
                .hasMessageNotContaining("4321");
        assertThat(fake.commands()).containsOnlyOnce("AT+CPIN=\"4321\"");
    }

    @Test
    void connectingSetsTheApnAndActivatesTheContext() throws Exception {
        modem.connect(new DataSettings("voice.example", "dialtone", "pw", false));

        assertThat(fake.commands())
                .containsSubsequence(
                        "AT+CGDCONT=1,\"IPV4V6\",\"voice.example\"",
                        "AT+CGAUTH=1,1,\"dialtone\",\"pw\"",
                        "AT+CGACT=0,1",
                        "AT+CGACT=1,1");
    }
}
