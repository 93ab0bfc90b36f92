package dialtone.web.port;

/**
 * The site at a glance, as {@code GET /api/v1/status} serves it. A {@code null} value means "not
 * known" (e.g. no probe has finished yet); the UI shows it as unknown, never as zero.
 *
 * @param activeUplink {@code primary}, {@code lte} or {@code none}
 * @param mode {@code auto}, {@code force-primary} or {@code force-lte}
 */
public record Status(
        Site site,
        boolean simulated,
        String activeUplink,
        String mode,
        Failover failover,
        Primary primary,
        Lte lte,
        Usage usage,
        Policy policy,
        E911 e911,
        Mqtt mqtt,
        Notify notifications) {

    /**
     * E-mail notifications: off when no server or recipients are configured.
     *
     * @param pending messages waiting for the mail server
     * @param lastError why the last attempt failed, until one goes through; null when fine
     */
    public record Notify(boolean enabled, int pending, String lastError, String lastSentAt) {}

    public record Site(String name, String deviceId) {}

    /**
     * @param phase {@code on-primary}, {@code failing-over}, {@code on-lte} or {@code failing-back}
     * @param reason why, in words
     * @param since when the phase began, ISO-8601
     * @param activeCalls media flows seen between the phones and the provider: calls in progress
     */
    public record Failover(String phase, String reason, String since, int activeCalls) {}

    /**
     * @param state {@code up}, {@code degraded}, {@code down} or {@code unknown}
     * @param lossPercent probe loss over the recent window
     * @param latencyMs median round trip of the answered probes in the window
     * @param lastProbe when the last probe round finished, ISO-8601
     */
    public record Primary(String state, Double lossPercent, Long latencyMs, String lastProbe) {}

    /**
     * @param state {@code active} (carrying traffic), {@code standby} (ready), {@code unavailable}
     *     (not registered, no signal, no modem) or {@code unknown}
     */
    public record Lte(
            String state,
            Signal signal,
            String registration,
            String operator,
            String technology,
            Check lastCheck,
            Modem modem,
            Antenna antenna) {}

    /**
     * The modem's own account; a null field is unknown.
     *
     * @param sim {@code ready}, {@code missing}, {@code pin-required}, {@code puk-locked} or {@code unknown}
     * @param stale why the last reading got no answer (the values are then the last known), or null
     */
    public record Modem(
            String sim,
            Integer pinAttemptsLeft,
            String imei,
            String iccid,
            String imsi,
            String apn,
            String address,
            String cellId,
            String tac,
            Double latitude,
            Double longitude,
            String stale) {}

    /** For the installer placing the antenna: calls the signal here should carry, and in words. */
    public record Antenna(int calls, String verdict) {}

    /** The rare SIP OPTIONS to the SBC through LTE in standby; null before the first. */
    public record Check(String at, boolean answered, Long rttMs) {}

    /** @param bars 0-5, see the hal's documented mapping from RSRP */
    public record Signal(int bars, Double rsrpDbm, Double rsrqDb, Double sinrDb) {}

    /**
     * @param cycleBytes LTE bytes this billing cycle, as the carrier will count them
     * @param capBytes the plan's cap in bytes (decimal units, as carriers bill)
     * @param forecastBytes expected at the end of the cycle
     * @param minutesLeft talk minutes left under the cap at the plan's codec
     */
    public record Usage(Long cycleBytes, long capBytes, Double percent, Long forecastBytes, Long minutesLeft) {}

    /**
     * The voice-only policy on LTE.
     *
     * @param applied whether it is in force
     * @param sbcAddresses how many SBC addresses it allows
     * @param packets packets per category since start: {@code lte-sip}, {@code lte-media}, ... allowed;
     *     {@code lte-blocked-web}, {@code lte-blocked-dns}, ... stopped; {@code sip-scan-*} dropped scans
     * @param topBlocked where LTE traffic was stopped in the last hour, most first
     */
    public record Policy(
            boolean applied,
            int sbcAddresses,
            java.util.Map<String, Long> packets,
            java.util.List<Blocked> topBlocked) {}

    public record Blocked(String destination, long packets) {}

    /** @param status {@code registered}, {@code unverified} or {@code missing} */
    public record E911(String status) {}

    /**
     * Remote management.
     *
     * @param lteBytes the agent's own MQTT bytes over LTE this billing cycle (estimated); null when off
     * @param lteBudgetBytes what the configuration allows them per cycle; null when off
     */
    public record Mqtt(boolean connected, Long lteBytes, Long lteBudgetBytes) {}
}
