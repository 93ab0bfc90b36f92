package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.hal.Uplink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link's decisions that need no broker: the keepalive of a new connection, re-subscribing, a refused publish. */
class MqttLinkTest {
    private static final Duration PRIMARY = Duration.ofSeconds(60);
    private static final Duration LTE = Duration.ofMinutes(15);

    @TempDir
    Path dir;

    private Database db;
    private MqttLink link;
    /** What the failover phase says: at the moment of a switch it may still name the old uplink. */
    private final AtomicBoolean phaseSaysLte = new AtomicBoolean(false);

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        LteMeter meter = new LteMeter(
                new Settings(db, java.time.Clock.systemUTC()), () -> "2026-12-01", phaseSaysLte::get, 2_000_000);
        MqttLink.Settings settings = new MqttLink.Settings(
                "tcp://198.51.100.20:1883",
                "lab-test",
                "",
                new byte[0],
                null,
                PRIMARY,
                LTE,
                Duration.ofSeconds(60),
                ReportSetup.BACKOFF);
        link = new MqttLink(settings, new Topics("lab-test"), meter);
    }

    @AfterEach
    void close() {
        link.stop(new byte[0]);
        db.close();
    }

    @Test
    void beforeAnySwitchTheFailoverPhaseChoosesTheKeepalive() {
        assertThat(link.keepAliveNow()).isEqualTo(PRIMARY);
        phaseSaysLte.set(true);
        assertThat(link.keepAliveNow()).isEqualTo(LTE);
    }

    @Test
    void aReconnectAfterFailbackTakesThePrimarysKeepaliveWhileThePhaseStillSaysLte() {
        phaseSaysLte.set(true);
        link.switchedTo(Uplink.PRIMARY);
        assertThat(link.overLte()).isFalse();
        assertThat(link.keepAliveNow()).isEqualTo(PRIMARY);
    }

    @Test
    void aReconnectAfterFailoverTakesTheLteKeepaliveWhileThePhaseStillSaysPrimary() {
        link.switchedTo(Uplink.LTE);
        assertThat(link.keepAliveNow()).isEqualTo(LTE);
    }

    @Test
    void subscribesAgainOnlyWhenTheBrokerLostTheSessionOrThisProcessNeverSubscribed() {
        assertThat(MqttLink.mustSubscribe(true, true)).isFalse();
        assertThat(MqttLink.mustSubscribe(false, true)).isTrue();
        assertThat(MqttLink.mustSubscribe(true, false)).isTrue(); // a new version may subscribe to more
        assertThat(MqttLink.mustSubscribe(false, false)).isTrue();
    }

    @Test
    void aPubackWithAnErrorReasonCodeMeansTheMessageWasDropped() {
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {0})).isNull();
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {16}))
                .as("no matching subscribers")
                .isNull();
        assertThat(MqttLink.Refused.of("dialtone/v1/a/evt", null)).isNull();

        MqttLink.Refused refused = MqttLink.Refused.of("dialtone/v1/a/evt", new int[] {135});
        assertThat(refused.reasonCode).isEqualTo(135);
        assertThat(refused.getMessage()).contains("dialtone/v1/a/evt").contains("135");
    }
}
