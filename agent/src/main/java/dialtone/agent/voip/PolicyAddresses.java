package dialtone.agent.voip;

import java.net.InetAddress;
import java.util.Set;

/**
 * The addresses the voice policy allows on LTE, resolved from the configuration's names.
 *
 * @param sbcs the SBCs' signalling addresses
 * @param media the SBCs' media addresses (the SBCs themselves unless configured)
 * @param sipPorts SIP ports found in SRV records, beyond the configured transports'
 * @param ntp NTP servers; empty means any
 * @param mqtt the broker, with {@code mqttPort}; empty when remote management is off
 * @param smtp the mail server, with {@code smtpPort}; empty when e-mail is off (small, allowed on LTE)
 */
public record PolicyAddresses(
        Set<InetAddress> sbcs,
        Set<InetAddress> media,
        Set<Integer> sipPorts,
        Set<InetAddress> dns,
        Set<InetAddress> ntp,
        Set<InetAddress> mqtt,
        int mqttPort,
        Set<InetAddress> provisioning,
        Set<InetAddress> smtp,
        int smtpPort) {

    public PolicyAddresses {
        sbcs = Set.copyOf(sbcs);
        media = Set.copyOf(media);
        sipPorts = Set.copyOf(sipPorts);
        dns = Set.copyOf(dns);
        ntp = Set.copyOf(ntp);
        mqtt = Set.copyOf(mqtt);
        provisioning = Set.copyOf(provisioning);
        smtp = Set.copyOf(smtp);
    }
}
