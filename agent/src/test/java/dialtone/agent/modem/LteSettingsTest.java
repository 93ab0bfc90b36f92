package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.config.AgentConfig;
import dialtone.agent.config.Secret;
import dialtone.agent.events.Event;
import dialtone.agent.events.EventLog;
import dialtone.agent.store.Database;
import dialtone.agent.store.Migrations;
import dialtone.agent.store.Settings;
import dialtone.hal.modem.DataSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LteSettingsTest {
    private static final AgentConfig.Lte CONFIG =
            new AgentConfig.Lte("modemmanager", "", "config.apn", "", Secret.NONE, false, new Secret("1234"));

    @TempDir
    Path dir;

    private Database db;
    private Settings store;
    private EventLog events;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("dialtone.db"), new Migrations(Migrations.PRODUCTION));
        store = new Settings(db, Clock.systemUTC());
        events = new EventLog(db, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theConfigurationFilesStandUntilTheInstallerSetsOthersWhichSurviveARestart() {
        LteSettings settings = new LteSettings(CONFIG, store, events);
        assertThat(settings.data()).isEqualTo(new DataSettings("config.apn", null, null, false));
        assertThat(settings.pin()).isEqualTo("1234");
        AtomicInteger changes = new AtomicInteger();
        settings.onChange(changes::incrementAndGet);

        Map<String, String> problems = settings.update(
                Map.of("apn", "voice.example", "apnUser", "dialtone", "apnPassword", "s3cret", "roamingAllowed", true),
                "installer");

        assertThat(problems).isEmpty();
        assertThat(changes).hasValue(1);
        LteSettings again = new LteSettings(CONFIG, store, events);
        assertThat(again.data()).isEqualTo(new DataSettings("voice.example", "dialtone", "s3cret", true));
        assertThat(again.pin()).as("an absent secret keeps the one in force").isEqualTo("1234");
        assertThat(again.shown().source()).isEqualTo("installer");
        Event changed = events.page(null, 5).getFirst();
        assertThat(changed.type()).isEqualTo("lte-settings-changed");
        assertThat(changed.message() + changed.facts()).doesNotContain("s3cret").doesNotContain("1234");
    }

    @Test
    void badValuesAreRefusedAllAtOnceAndNothingChanges() {
        LteSettings settings = new LteSettings(CONFIG, store, events);
        Map<String, Object> fields = new HashMap<>();
        fields.put("apn", "voice example");
        fields.put("simPin", "12");
        fields.put("apnPassword", "a\"b");
        fields.put("roamingAllowed", "yes");
        fields.put("colour", "red");

        assertThat(settings.update(fields, "installer"))
                .containsOnlyKeys("apn", "simPin", "apnPassword", "roamingAllowed", "colour")
                .doesNotContainValue("12");
        assertThat(settings.data().apn()).isEqualTo("config.apn");
        assertThat(settings.pin()).isEqualTo("1234");
    }

    @Test
    void anEmptySecretClearsIt() {
        LteSettings settings = new LteSettings(CONFIG, store, events);
        settings.update(Map.of("simPin", ""), "installer");

        assertThat(settings.pin()).isNull();
        assertThat(settings.shown().simPinSet()).isFalse();
    }

    @Test
    void anLteRouterOnEthernetKeepsItsOwn() {
        AgentConfig.Lte ethernet = new AgentConfig.Lte("ethernet", "", "", "", Secret.NONE, false, Secret.NONE);
        assertThat(new LteSettings(ethernet, store, events).update(Map.of("apn", "voice.example"), "installer"))
                .containsKey("apn");
    }
}
