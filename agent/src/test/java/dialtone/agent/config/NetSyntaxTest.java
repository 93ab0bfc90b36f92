package dialtone.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8::1", "::1", "::ffff:192.0.2.1"})
    void addressLiterals(String text) {
        assertThat(NetSyntax.ipLiteral(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.0.0.1", "192.0.2", "01.2.3.4", "2001:db8:::1", "example.net", "", "1.2.3.4 "})
    void notAddressLiterals(String text) {
        assertThat(NetSyntax.ipLiteral(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sbc.example.net", "sbc", "a-b.example.net.", "xn--bcher-kva.example"})
    void hostnames(String text) {
        assertThat(NetSyntax.isHostname(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-sbc.example.net", "sbc..example.net", "sbc_1.example.net", "1.2.3.999", "a b", ""})
    void notHostnames(String text) {
        assertThat(NetSyntax.isHostname(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"noc@provider.example", "first.last+tag@acme.example"})
    void emails(String text) {
        assertThat(NetSyntax.isEmail(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"noc@localhost", "@acme.example", "a@b@acme.example", "a\r\nb@acme.example", "a b@x.example"})
    void notEmails(String text) {
        assertThat(NetSyntax.isEmail(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "icmp:192.0.2.1:80",
                "tcp:192.0.2.1",
                "smtp:192.0.2.1",
                "dns:[sbc.example.net]:53",
                "sip:sbc.example.net:0",
                "sip:sbc.example.net:70000",
                "icmp:"
            })
    void notProbeTargets(String text) {
        assertThat(NetSyntax.probeTarget(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://[2001:db8::1]:1883", "ssl://broker.example.net:8883", "tcp://192.0.2.7"})
    void mqttUrls(String text) {
        assertThat(NetSyntax.mqttUrl(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mqtt://broker.example.net",
                "ssl://broker.example.net/path",
                "tcp://:1883",
                "tcp://[broker.example.net]:1883"
            })
    void notMqttUrls(String text) {
        assertThat(NetSyntax.mqttUrl(text)).isEmpty();
    }
}
