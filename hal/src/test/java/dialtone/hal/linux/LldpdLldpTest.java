package dialtone.hal.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.sys.ProcessResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import org.junit.jupiter.api.Test;

class LldpdLldpTest {
    private final List<List<String>> ran = new ArrayList<>();

    @Test
    void theCivicLocationBecomesLldpcliKeywordsInOrder() {
        SequencedMap<String, String> civic = new LinkedHashMap<>();
        civic.put("country", "US");
        civic.put("A1", "IL");
        civic.put("A3", "SPRINGFIELD");
        civic.put("RD", "MAIN");
        civic.put("POD", "SW");
        civic.put("HNO", "1234");
        civic.put("LOC", "Reception; ring twice");
        civic.put("UNIT", "SUITE 200");

        new LldpdLldp("eth1", "eth0", "/run/test.sock", commands("")).advertise(civic);

        assertThat(ran.getFirst())
                .containsExactly(
                        "lldpcli",
                        "-u",
                        "/run/test.sock",
                        "configure",
                        "ports",
                        "eth1",
                        "med",
                        "location",
                        "address",
                        "country",
                        "US",
                        "language",
                        "en",
                        "country-subdivision",
                        "IL",
                        "city",
                        "SPRINGFIELD",
                        "street",
                        "MAIN",
                        "trailing-street-suffix",
                        "SW",
                        "number",
                        "1234",
                        "additional",
                        "Reception; ring twice",
                        "unit",
                        "SUITE 200");
    }

    @Test
    void upstreamNeighboursAreReadFromEitherJsonShape() {
        String one = """
                {"lldp": {"interface": {"eth0": {"chassis": {"isp-ont": {"id": {"type": "mac", "value": "00:00:5e:00:53:01"}}}}}}}
                """;
        String two = """
                {"lldp": {"interface": [
                  {"eth0": {"chassis": {"sw1": {"id": {"type": "mac", "value": "00:00:5e:00:53:02"}}}}},
                  {"eth0": {"chassis": {"sw2": {"id": {"type": "local", "value": "closet-3"}}}}}]}}
                """;

        assertThat(new LldpdLldp("eth1", "eth0", null, commands(one)).upstreamChassis())
                .containsExactly("00:00:5e:00:53:01");
        assertThat(new LldpdLldp("eth1", "eth0", null, commands(two)).upstreamChassis())
                .containsExactly("00:00:5e:00:53:02", "closet-3");
        assertThat(ran.getLast()).containsExactly("lldpcli", "-f", "json", "show", "neighbors", "ports", "eth0");
    }

    private Commands commands(String stdout) {
        return new Commands((argv, stdin, timeout) -> {
            ran.add(argv);
            return new ProcessResult(0, stdout, "");
        });
    }
}
