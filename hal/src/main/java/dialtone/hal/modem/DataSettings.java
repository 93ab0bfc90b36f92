package dialtone.hal.modem;

/**
 * How the modem brings up its data bearer: the carrier's APN, with a user and password when the
 * carrier wants them ({@code null} otherwise), and whether it may connect while roaming.
 */
public record DataSettings(String apn, String user, String password, boolean roamingAllowed) {
    /** The carrier's default APN (the modem's own profile), no credentials, no roaming. */
    public static final DataSettings CARRIER_DEFAULT = new DataSettings(null, null, null, false);

    @Override
    public String toString() { // never the password: these end up in logs
        return "DataSettings[apn=" + apn + ", user=" + user + ", roamingAllowed=" + roamingAllowed + "]";
    }
}
