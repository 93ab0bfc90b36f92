package dialtone.agent.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {
    private final List<String> log = new ArrayList<>();

    private Service service(String name, boolean failsToStart) {
        return new Service() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                if (failsToStart) {
                    throw new IllegalStateException(name + " cannot start");
                }
                log.add("start " + name);
            }

            @Override
            public void stop() {
                log.add("stop " + name);
            }
        };
    }

    @Test
    void startsInOrderAndStopsInReverse() {
        ServiceGroup group =
                new ServiceGroup(List.of(service("db", false), service("monitor", false), service("web", false)));

        group.start();
        group.stop();
        group.stop();

        assertThat(log)
                .containsExactly("start db", "start monitor", "start web", "stop web", "stop monitor", "stop db");
    }

    @Test
    void aFailedStartStopsWhatAlreadyRan() {
        ServiceGroup group =
                new ServiceGroup(List.of(service("db", false), service("web", true), service("late", false)));

        assertThatThrownBy(group::start).hasMessage("web cannot start");
        assertThat(log).containsExactly("start db", "stop db");
    }

    @Test
    void aStopThatThrowsDoesNotKeepTheOthersRunning() {
        Service stubborn = new Service() {
            @Override
            public String name() {
                return "stubborn";
            }

            @Override
            public void start() {}

            @Override
            public void stop() {
                throw new IllegalStateException("will not stop");
            }
        };
        ServiceGroup group = new ServiceGroup(List.of(service("db", false), stubborn));

        group.start();
        group.stop();

        assertThat(log).containsExactly("start db", "stop db");
    }
}
