package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.modem.ModemStatus.Bearer;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Position;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ModemManager adapter against a fake {@code mmcli}: a real executable that answers each query
 * with a recorded {@code -J} document (Quectel EC25 and Sierra EM7455, in the format of ModemManager
 * 1.20's mmcli-output) and logs every action it is asked to take.
 */
class MmcliModemTest extends LteModemContract {
    private static final List<String> DOCUMENTS = List.of("modem", "signal", "sim", "bearer", "location");

    @TempDir
    Path dir;

    @Override
    LteModem registered() throws IOException {
        return modem("ec25-home", UnaryOperator.identity());
    }

    @Override
    LteModem withoutSim() throws IOException {
        Path site = site("ec25-home", modem -> modem.replace("\"state\":\"connected\"", "\"state\":\"failed\"")
                .replace("\"state-failed-reason\":\"--\"", "\"state-failed-reason\":\"sim-missing\"")
                .replace("\"sim\":\"/org/freedesktop/ModemManager1/SIM/0\"", "\"sim\":\"--\"")
                .replace("\"registration-state\":\"home\"", "\"registration-state\":\"--\""));
        Files.delete(site.resolve("sim.json"));
        Files.delete(site.resolve("bearer.json"));
        return adapter(site);
    }

    @Override
    LteModem askingForPin() throws IOException {
        return modem(
                "ec25-home", modem -> modem.replace("\"unlock-required\":\"--\"", "\"unlock-required\":\"sim-pin\""));
    }

    @Override
    LteModem unplugged() throws IOException {
        Path site = site("ec25-home", UnaryOperator.identity());
        Files.delete(site.resolve("modem.json"));
        return adapter(site);
    }

    @Override
    LteModem answeringGarbage() throws IOException {
        return modem("ec25-home", modem -> modem.substring(0, modem.length() / 2));
    }

    @Test
    void aConnectedQuectelReadsCompletely() throws IOException {
        ModemStatus status = modem("ec25-home", UnaryOperator.identity()).status();

        assertThat(status.present()).isTrue();
        assertThat(status.registration()).isEqualTo(Registration.HOME);
        assertThat(status.operator()).isEqualTo("T-Mobile");
        assertThat(status.accessTechnology()).isEqualTo("lte");
        assertThat(status.signal()).isEqualTo(new Signal(-68.0, -97.0, -11.0, 12.6));
        assertThat(status.signal().bars()).isEqualTo(3);
        assertThat(status.cell()).isEqualTo(new CellId("01A2D30F", "002B67"));
        assertThat(status.bearer()).isEqualTo(new Bearer(true, "fast.t-mobile.com", "100.64.12.34"));
        assertThat(status.imei()).isEqualTo("861107032685597");
        assertThat(status.sim().state()).isEqualTo(SimState.READY);
        assertThat(status.sim().iccid()).isEqualTo("8901260882310000123");
        assertThat(status.sim().imsi()).isEqualTo("310260123456789");
        assertThat(status.sim().pinRetries()).isEqualTo(3);
        assertThat(status.position()).isEqualTo(new Position(41.878113, -87.629799));
        assertThat(status.ready()).isTrue();
    }

    @Test
    void aRoamingSierraWithoutBearerOrLocationSaysSoAndGuessesNothing() throws IOException {
        ModemStatus status = modem("em7455-roaming", UnaryOperator.identity()).status();

        assertThat(status.registration()).isEqualTo(Registration.ROAMING);
        assertThat(status.operator()).isEqualTo("ROGERS");
        assertThat(status.signal()).isEqualTo(new Signal(-83.0, -112.0, -16.0, null)); // snr "--"
        assertThat(status.bearer()).isEqualTo(Bearer.DOWN);
        assertThat(status.cell()).isNull(); // no location answer
        assertThat(status.position()).isNull();
        assertThat(status.ready()).isFalse();
    }

    @Test
    void pinRequiredWithTheAttemptsLeft() throws IOException {
        ModemStatus status = modem("ec25-home", modem -> modem.replace(
                                "\"unlock-required\":\"--\"", "\"unlock-required\":\"sim-pin\"")
                        .replace("sim-pin (3)", "sim-pin (2)"))
                .status();
        assertThat(status.sim().state()).isEqualTo(SimState.PIN_REQUIRED);
        assertThat(status.sim().pinRetries()).isEqualTo(2);
    }

    @Test
    void pukLocked() throws IOException {
        ModemStatus status = modem(
                        "ec25-home",
                        modem -> modem.replace("\"unlock-required\":\"--\"", "\"unlock-required\":\"sim-puk\""))
                .status();
        assertThat(status.sim().state()).isEqualTo(SimState.PUK_LOCKED);
    }

    @Test
    void noCoverageAndDenied() throws IOException {
        for (String[] c : new String[][] {{"searching", "SEARCHING"}, {"denied", "DENIED"}, {"idle", "IDLE"}}) {
            ModemStatus status = modem(
                            "em7455-roaming",
                            modem -> modem.replace(
                                    "\"registration-state\":\"roaming\"", "\"registration-state\":\"" + c[0] + "\""))
                    .status();
            assertThat(status.registration()).isEqualTo(Registration.valueOf(c[1]));
            assertThat(status.registered()).isFalse();
        }
    }

    @Test
    void garbageOrTruncatedOutputIsAClearErrorNotAStatus() throws IOException {
        for (UnaryOperator<String> damage : List.<UnaryOperator<String>>of(
                modem -> modem.substring(0, modem.length() / 2),
                modem -> "\u0000\u00ffOK\r\n+CME ERROR: 10",
                modem -> "[]")) {
            MmcliModem modem = modem("ec25-home", damage);
            assertThatThrownBy(modem::status)
                    .isInstanceOf(HalException.class)
                    .hasMessageContaining("mmcli -m any")
                    .hasMessageMatching("(?s).*(unreadable|unexpected) output.*");
        }
    }

    @Test
    void aTruncatedSignalDocumentFailsTheReadingRatherThanShowingNoSignal() throws IOException {
        Path site = site("ec25-home", UnaryOperator.identity());
        Files.writeString(site.resolve("signal.json"), "{\"modem\":{\"signal\":{\"lte\":{\"rsrp\":\"-9");

        assertThatThrownBy(() -> adapter(site).status()).isInstanceOf(HalException.class);
    }

    @Test
    void signalPollingAndLocationAreSwitchedOnOncePerModem() throws IOException {
        Path site = site("ec25-home", UnaryOperator.identity());
        MmcliModem modem = adapter(site);
        modem.status();
        modem.status();

        assertThat(actions(site)).containsExactly("-m any --signal-setup=5", "-m any --location-enable-3gpp");
    }

    @Test
    void connectingSendsTheApnQuotedAndTheRoamingChoice() throws IOException {
        Path site = site("ec25-home", UnaryOperator.identity());
        adapter(site).connect(new DataSettings("voice.example", "dialtone", "s3cret,x", false));

        assertThat(actions(site))
                .containsExactly(
                        "-m any --simple-disconnect",
                        "-m any --simple-connect=apn=\"voice.example\",user=\"dialtone\",password=\"s3cret,x\",allow-roaming=no");
    }

    @Test
    void aRefusedResetIsAnErrorWithModemManagersReason() throws IOException {
        Path site = site("ec25-home", UnaryOperator.identity());
        Files.writeString(
                site.resolve("refuse"),
                "error: couldn't reset the modem: 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Unsupported'");

        assertThatThrownBy(() -> adapter(site).reset())
                .isInstanceOf(HalException.class)
                .hasMessageContaining("Core.Unsupported");
    }

    @Test
    void aPowerCycleDeauthorisesAndReauthorisesTheModemsUsbDevice() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("sys/usb1/1-1.3"));
        Path authorized = usb.resolve("authorized");
        Files.writeString(authorized, "untouched");
        Path site = site(
                "ec25-home",
                modem -> modem.replace(
                        "/sys/devices/platform/scb/fd500000.pcie/pci0000:00/0000:00:00.0/0000:01:00.0/usb1/1-1/1-1.3",
                        usb.toString()));

        CompletableFuture<Void> cycle =
                CompletableFuture.runAsync(() -> adapter(site).powerCycle());
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!Files.readString(authorized).equals("0") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(authorized)).as("off during the pause").isEqualTo("0");
        cycle.get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(authorized)).as("on again").isEqualTo("1");
    }

    private MmcliModem modem(String fixture, UnaryOperator<String> modemEdit) throws IOException {
        return adapter(site(fixture, modemEdit));
    }

    private MmcliModem adapter(Path site) {
        return new MmcliModem(site.resolve("mmcli").toString(), new Commands(new JdkProcessRunner()));
    }

    /** A fake mmcli serving one fixture's documents, the modem document edited; actions are logged. */
    private Path site(String fixture, UnaryOperator<String> modemEdit) throws IOException {
        Path site = Files.createDirectories(dir.resolve(fixture + "-" + System.nanoTime()));
        for (String document : DOCUMENTS) {
            try (InputStream in = getClass().getResourceAsStream("/mmcli/" + fixture + "/" + document + ".json")) {
                if (in != null) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    Files.writeString(
                            site.resolve(document + ".json"), document.equals("modem") ? modemEdit.apply(text) : text);
                }
            }
        }
        Path mmcli = site.resolve("mmcli");
        Files.writeString(mmcli, """
                #!/bin/bash
                d=$(dirname "$0")
                case "$*" in
                  "-m any -J") f=modem ;;
                  "-m any --signal-get -J") f=signal ;;
                  "-i "*" -J") f=sim ;;
                  "-b "*" -J") f=bearer ;;
                  "-m any --location-get -J") f=location ;;
                  *) echo "$*" >> "$d/actions"
                     if [[ -f $d/refuse ]]; then cat "$d/refuse" >&2; exit 1; fi
                     exit 0 ;;
                esac
                if [[ ! -f $d/modem.json ]]; then echo "error: couldn't find modem" >&2; exit 1; fi
                if [[ ! -f $d/$f.json ]]; then echo "error: unsupported" >&2; exit 1; fi
                cat "$d/$f.json"
                """);
        Files.setPosixFilePermissions(mmcli, PosixFilePermissions.fromString("rwxr-xr-x"));
        return site;
    }

    private static List<String> actions(Path site) throws IOException {
        Path log = site.resolve("actions");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
