package dialtone.hal.modem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalTest {

    @ParameterizedTest
    @CsvSource({"-70,5", "-85,5", "-85.5,4", "-95,4", "-100,3", "-105,3", "-110,2", "-120,1", "-125,1", "-126,0"})
    void barsFollowRsrp(double rsrp, int bars) {
        assertThat(new Signal(null, rsrp, null, null).bars()).isEqualTo(bars);
    }

    @org.junit.jupiter.api.Test
    void unknownSignalIsNoBars() {
        assertThat(Signal.UNKNOWN.bars()).isZero();
    }
}
