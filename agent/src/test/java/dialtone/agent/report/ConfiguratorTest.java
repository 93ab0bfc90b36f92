package dialtone.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.ConfigLoader;
import dialtone.agent.config.ConfigValidator;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A change of the remote layer, as operations' set-config and the installer's setup page make it. */
class ConfiguratorTest {
    @TempDir
    Path dir;

    private Database db;
    private Settings settings;
    private final CountDownLatch restarted = new CountDownLatch(1);
    private Configurator configurator;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        settings = new Settings(db, Clock.systemUTC());
        ConfigLoader loader =
                ConfigLoader.read(dir.resolve("agent.conf"), false, Map.of(), ConfigValidator.simulatedSiteDefaults());
        configurator = new Configurator(
                loader, RemoteConfig.NONE, settings, new EventLog(db, Clock.systemUTC()), restarted::countDown);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyProblemAtOnceAndNothingKept() {
        Configurator.Change change = configurator.change(
                Map.of("usage.cap", "lots", "sbc.hosts", "not a host!", "device.id", "x"), List.of(), "t");

        assertThat(change.problems()).containsOnlyKeys("usage.cap", "sbc.hosts", "device.id");
        assertThat(change.restarting()).isFalse();
        assertThat(RemoteConfig.read(settings)).isEqualTo(RemoteConfig.NONE);
        assertThat(restarted.getCount()).isEqualTo(1);
    }

    @Test
    void aGoodChangeIsKeptWithTheNextVersionAppliedByARestartAndNoSecondOneMeanwhile() throws Exception {
        assertThat(configurator.change(Map.of(), List.of("sbc.hosts"), "t").restarting())
                .as("nothing to change")
                .isFalse();

        Configurator.Change change = configurator.change(Map.of("usage.cap", "5GB"), List.of(), "installer (web)");

        assertThat(change).isEqualTo(new Configurator.Change(1, true, new java.util.TreeMap<>()));
        assertThat(RemoteConfig.read(settings)).isEqualTo(new RemoteConfig(1, Map.of("usage.cap", "5GB")));
        assertThat(configurator
                        .change(Map.of("usage.cap", "6GB"), List.of(), "t")
                        .problems())
                .containsKey("version");
        assertThat(restarted.await(10, TimeUnit.SECONDS))
                .as("the agent restarts")
                .isTrue();
    }
}
