package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.modem.DataSettings;
import dialtone.hal.modem.LteModem;
import dialtone.hal.modem.ModemStatus;
import dialtone.hal.sys.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A USB modem under ModemManager, through {@code mmcli -J}: one JSON document per question, the
 * modem named {@code any} (the first; its index changes with every re-probe). Signal polling and
 * 3GPP location are switched on the first time a modem is seen, best effort.
 */
public final class MmcliModem implements LteModem {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POWER_OFF = Duration.ofSeconds(3);

    private final String mmcli;
    private final Commands commands;
    private volatile String preparedDevice;

    /** @param mmcli the {@code mmcli} executable (tests give a fake fed from recorded output) */
    MmcliModem(String mmcli, Commands commands) {
        this.mmcli = mmcli;
        this.commands = commands;
    }

    @Override
    public ModemStatus status() {
        Map<String, Object> modem;
        try {
            modem = commands.jsonObject(argv("-m", "any", "-J"));
        } catch (HalException e) {
            if (e.getMessage().contains("couldn't find modem")) {
                return ModemStatus.ABSENT;
            }
            throw e;
        }
        MmcliReading first = MmcliReading.of(modem);
        prepare(first.device());
        String sim = first.simPath();
        String bearer = first.bearerPath();
        return new MmcliReading(
                        modem,
                        optional(argv("-m", "any", "--signal-get", "-J")),
                        sim == null ? Map.of() : optional(argv("-i", sim, "-J")),
                        bearer == null ? Map.of() : optional(argv("-b", bearer, "-J")),
                        optional(argv("-m", "any", "--location-get", "-J")))
                .status();
    }

    @Override
    public void connect(DataSettings settings) {
        commands.attempt(argv("-m", "any", "--simple-disconnect"));
        commands.run(argv("-m", "any", "--simple-connect=" + simpleConnect(settings)), CONNECT_TIMEOUT);
    }

    @Override
    public void reset() {
        commands.run(argv("-m", "any", "--reset"));
        preparedDevice = null;
    }

    /**
     * De-authorises the modem's USB device and authorises it again: the kernel unbinds it, and
     * it enumerates afresh as if re-plugged. (A modem that ignores even that needs the GPIO relay.)
     */
    @Override
    public void powerCycle() {
        String device =
                MmcliReading.of(commands.jsonObject(argv("-m", "any", "-J"))).device();
        if (device == null) {
            throw new HalException("modem power", "ModemManager does not say which USB device the modem is");
        }
        Path authorized = Path.of(device, "authorized");
        try {
            Files.writeString(authorized, "0");
            Thread.sleep(POWER_OFF.toMillis());
            Files.writeString(authorized, "1");
        } catch (IOException e) {
            throw new HalException("modem power", "cannot write " + authorized + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HalException("modem power", "interrupted with the modem off", e);
        } finally {
            preparedDevice = null;
        }
    }

    @Override
    public void enterPin(String pin) {
        commands.run(argv("-i", "any", "--pin=" + pin));
    }

    /** mmcli's key=value list; values quoted, so an APN or user is taken whole (validation keeps quotes out). */
    static String simpleConnect(DataSettings settings) {
        List<String> pairs = new ArrayList<>();
        if (settings.apn() != null) {
            pairs.add("apn=\"" + settings.apn() + "\"");
        }
        if (settings.user() != null) {
            pairs.add("user=\"" + settings.user() + "\"");
        }
        if (settings.password() != null) {
            pairs.add("password=\"" + settings.password() + "\"");
        }
        pairs.add("allow-roaming=" + (settings.roamingAllowed() ? "yes" : "no"));
        return String.join(",", pairs);
    }

    /** Extended signal readings and the serving cell need switching on, once per modem. */
    private void prepare(String device) {
        if (device == null || device.equals(preparedDevice)) {
            return;
        }
        commands.attempt(argv("-m", "any", "--signal-setup=5"));
        commands.attempt(argv("-m", "any", "--location-enable-3gpp"));
        preparedDevice = device;
    }

    /** A document mmcli may refuse (a query the modem does not support): empty then; garbage still fails. */
    private Map<String, Object> optional(List<String> argv) {
        ProcessResult result = commands.attempt(argv);
        return result.ok() ? commands.jsonObject(argv, result.stdout()) : Map.of();
    }

    private List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(List.of(mmcli));
        argv.addAll(List.of(args));
        return argv;
    }
}
