package dialtone.agent.e911;

import java.util.ArrayList;
import java.util.List;

/**
 * Has the box moved? Pure: the learned fingerprint against a window of recent sightings
 * (research/anchors-e911.md §6.2). Each sign must hold in at least two sightings of the window.
 *
 * <p>Strong signs: the GNSS fix over 300 m from where it was learned (three fixes); none of the
 * learned LLDP neighbours upstream but another one; a tracking area never seen, with none of the
 * learned cells. Weak signs: another ISP gateway on the primary; a new cell inside a known tracking
 * area. MOVED takes two strong signs, or a strong and a weak one; SUSPECT one strong or two weak.
 * A failover is no sign (the primary's gateway and neighbours simply go unseen), nor is the modem
 * moving among the cells of its tracking area.
 */
public final class MoveJudge {
    static final double FAR_METRES = 300;

    public enum Verdict {
        STAY,
        SUSPECT,
        MOVED
    }

    public record Judgement(Verdict verdict, List<String> reasons) {}

    private MoveJudge() {}

    public static Judgement judge(SiteFingerprint learned, List<Sighting> window) {
        List<String> strong = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        if (learned.gnss() != null
                && window.stream()
                                .filter(s -> s.gnss() != null)
                                .filter(s -> metres(s, learned) > FAR_METRES)
                                .count()
                        >= 3) {
            strong.add("the GNSS fix is over " + (int) FAR_METRES + " m from the confirmed place");
        }
        if (!learned.upstream().isEmpty()
                && twice(window, s -> !s.upstream().isEmpty() && disjoint(s.upstream(), learned.upstream()))) {
            strong.add("other network equipment upstream (LLDP)");
        }
        if (!learned.tacs().isEmpty()
                && twice(
                        window,
                        s -> s.tac() != null
                                && !learned.tacs().contains(s.tac())
                                && !learned.cells().contains(s.cell()))) {
            strong.add("an LTE tracking area never seen here");
        }
        if (!learned.gatewayMacs().isEmpty()
                && twice(
                        window,
                        s -> s.gatewayMac() != null && !learned.gatewayMacs().contains(s.gatewayMac()))) {
            weak.add("another ISP gateway on the primary line");
        }
        if (twice(
                window,
                s -> s.cell() != null
                        && learned.tacs().contains(s.tac())
                        && !learned.cells().contains(s.cell()))) {
            weak.add("a new LTE cell in a known tracking area");
        }
        List<String> reasons = new ArrayList<>(strong);
        reasons.addAll(weak);
        Verdict verdict;
        if (strong.size() >= 2 || (strong.size() == 1 && !weak.isEmpty())) {
            verdict = Verdict.MOVED;
        } else if (strong.size() == 1 || weak.size() >= 2) {
            verdict = Verdict.SUSPECT;
        } else {
            verdict = Verdict.STAY;
        }
        return new Judgement(verdict, reasons);
    }

    private static boolean twice(List<Sighting> window, java.util.function.Predicate<Sighting> sign) {
        return window.stream().filter(sign).count() >= 2;
    }

    private static boolean disjoint(java.util.Set<String> a, java.util.Set<String> b) {
        return a.stream().noneMatch(b::contains);
    }

    /** Great-circle distance from the learned mean, haversine. */
    static double metres(Sighting s, SiteFingerprint learned) {
        double r = 6_371_000;
        double lat1 = Math.toRadians(learned.gnss().latitude());
        double lat2 = Math.toRadians(s.gnss().latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(s.gnss().longitude() - learned.gnss().longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }
}
