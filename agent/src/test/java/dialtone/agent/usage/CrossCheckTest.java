package dialtone.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrossCheckTest {

    @Test
    void aCounterThatWentBackwardsWasResetAndCountsFromZero() {
        assertThat(CrossCheck.delta(1_000, 1_500)).isEqualTo(500);
        assertThat(CrossCheck.delta(1_000_000, 300)).isEqualTo(300);
    }

    @Test
    void ethernetHeadersExplainFourteenBytesAPacket() {
        assertThat(CrossCheck.verdict(1_000 * 214, 1_000 * 200, 1_000)).isEmpty();
        assertThat(CrossCheck.verdict(200_000, 200_000, 1_000))
                .as("raw-IP modem")
                .isEmpty();
    }

    @Test
    void countersThatDriftApartAreReported() {
        assertThat(CrossCheck.verdict(400_000, 200_000, 1_000)).get().asString().contains("200.0 bytes per packet");
        assertThat(CrossCheck.verdict(100_000, 200_000, 1_000)).isPresent();
        assertThat(CrossCheck.verdict(999_999, 1, 10))
                .as("too few packets to judge")
                .isEmpty();
    }
}
