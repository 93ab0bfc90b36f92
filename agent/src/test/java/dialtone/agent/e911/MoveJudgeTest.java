package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.agent.e911.MoveJudge.Verdict;
import dialtone.hal.modem.ModemStatus.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Recorded sequences of sightings (one a minute, ten minutes) against what was learned on site. */
class MoveJudgeTest {
    private static final Position HERE = new Position(39.7817, -89.6501);
    private static final SiteFingerprint LEARNED = new SiteFingerprint(
            Set.of("01A2D30F", "01A2D310"),
            Set.of("2B67"),
            HERE,
            40,
            Set.of("00:00:5e:00:53:aa"),
            Set.of("sw-closet-1"));

    @Test
    void anOrdinaryTenMinutesIsNoMove() {
        assertThat(judge(i -> sighting(i, "01A2D30F", "2B67", HERE, "00:00:5e:00:53:aa", Set.of("sw-closet-1"))))
                .isEqualTo(Verdict.STAY);
    }

    @Test
    void ourOwnFailoverIsNoMove() {
        // the primary is dead: no gateway answers, no LLDP neighbour upstream; LTE as before
        assertThat(judge(i -> sighting(i, "01A2D30F", "2B67", null, null, Set.of())))
                .isEqualTo(Verdict.STAY);
    }

    @Test
    void theModemMovingAmongTheCellsOfItsTrackingAreaIsNoMove() {
        assertThat(judge(i ->
                        sighting(i, i % 2 == 0 ? "01A2D399" : "01A2D30F", "2B67", null, "00:00:5e:00:53:aa", Set.of())))
                .isEqualTo(Verdict.STAY);
    }

    @Test
    void aRealMoveIsSeen() {
        // another building: another tracking area, another ISP modem, another switch upstream
        assertThat(judge(i -> sighting(i, "02B00001", "3C01", null, "00:00:5e:00:53:bb", Set.of("sw-elsewhere"))))
                .isEqualTo(Verdict.MOVED);
    }

    @Test
    void aGnssJumpWithANewTrackingAreaIsAMove() {
        Position twoKmNorth = new Position(39.7997, -89.6501);
        assertThat(judge(i -> sighting(i, "02B00001", "3C01", twoKmNorth, null, Set.of())))
                .isEqualTo(Verdict.MOVED);
    }

    @Test
    void aGnssJumpAloneIsOnlySuspectAndOneOddFixIsNothing() {
        Position twoKmNorth = new Position(39.7997, -89.6501);
        assertThat(judge(i -> sighting(i, "01A2D30F", "2B67", twoKmNorth, "00:00:5e:00:53:aa", Set.of("sw-closet-1"))))
                .isEqualTo(Verdict.SUSPECT);
        assertThat(judge(i -> sighting(i, "01A2D30F", "2B67", i == 3 ? twoKmNorth : HERE, null, Set.of())))
                .isEqualTo(Verdict.STAY);
    }

    @Test
    void anIspModemSwapAloneIsNoMove() {
        assertThat(judge(i -> sighting(i, "01A2D30F", "2B67", HERE, "00:00:5e:00:53:cc", Set.of("sw-closet-1"))))
                .isEqualTo(Verdict.STAY);
    }

    @Test
    void metresAreMetres() {
        Sighting oneKmEast = sighting(0, null, null, new Position(39.7817, -89.6384), null, Set.of());
        assertThat(MoveJudge.metres(oneKmEast, LEARNED)).isBetween(990.0, 1010.0);
    }

    private static Verdict judge(java.util.function.IntFunction<Sighting> minute) {
        List<Sighting> window = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            window.add(minute.apply(i));
        }
        return MoveJudge.judge(LEARNED, window).verdict();
    }

    private static Sighting sighting(
            int minute, String cell, String tac, Position gnss, String mac, Set<String> upstream) {
        return new Sighting(
                Instant.parse("2026-11-23T12:00:00Z").plusSeconds(60L * minute), cell, tac, gnss, mac, upstream);
    }
}
