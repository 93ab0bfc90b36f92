package dialtone.agent.modem;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.hal.modem.Signal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AntennaVerdictTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "-80, 15, 20, good for 20 or more simultaneous calls",
                "-90, 10, 11, good for 11 simultaneous calls",
                "-100, 5, 5, good for 5 simultaneous calls",
                "-110, 2, 1, good for 1 call at a time",
                "-110, -3, 0, 'too weak for calls: move the antenna (higher, nearer a window)'",
                "-120, -, 0, 'too weak for calls: move the antenna (higher, nearer a window)'",
                "-, -, 0, no signal reading yet"
            })
    void callsFollowTheSignal(Double rsrp, Double sinr, int calls, String words) {
        AntennaVerdict verdict = AntennaVerdict.of(new Signal(null, rsrp, null, sinr));
        assertThat(verdict.calls()).isEqualTo(calls);
        assertThat(verdict.words()).isEqualTo(words);
    }
}
