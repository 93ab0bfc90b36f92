package dialtone.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceTableTest {
    private static final Map<String, Object> ONLINE = Map.of(
            "online",
            true,
            "boot",
            12,
            "uplink",
            "lte",
            "mode",
            "auto",
            "e911",
            "registered",
            "usagePercent",
            37,
            "alerts",
            List.of("on-lte", "primary-down"));
    private static final Map<String, Object> LOST = Map.of("online", false, "boot", 4, "why", "lost");

    @Test
    void oneAlignedRowPerDeviceSortedByIdWithTheOfflineOnesMarked() {
        String text = new DeviceTable(Map.of("dev-b", ONLINE, "dev-a", LOST, "dev-c", Map.of())).text();

        assertThat(text.lines().toList())
                .containsExactly(
                        "DEVICE  ONLINE          UPLINK  MODE  E911        USAGE  BOOT  ALERTS",
                        "dev-a   OFFLINE (lost)  -       -     -           -      4     -",
                        "dev-b   yes             lte     auto  registered  37%    12    on-lte,primary-down",
                        "dev-c   ?               -       -     -           -      -     -",
                        "3 devices, 2 offline");
    }

    @Test
    void noDevicesIsAnEmptyTableNotAnError() {
        assertThat(new DeviceTable(Map.of()).text()).isEqualTo("""
                DEVICE  ONLINE  UPLINK  MODE  E911  USAGE  BOOT  ALERTS
                0 devices, 0 offline
                """);
    }

    @Test
    void jsonIsOneSortedArrayWithTheDeviceIdInEachState() throws Exception {
        String json = new DeviceTable(Map.of("dev-b", ONLINE, "dev-a", LOST)).json();

        List<Object> devices = com.fasterxml.jackson.jr.ob.JSON.std.listFrom(json);
        assertThat(devices)
                .extracting(d -> ((Map<?, ?>) d).get("device"), d -> ((Map<?, ?>) d).get("online"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dev-a", false),
                        org.assertj.core.groups.Tuple.tuple("dev-b", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) devices.get(1);
        assertThat(second).containsEntry("usagePercent", 37).containsEntry("boot", 12);
    }
}
