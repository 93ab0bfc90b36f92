package dialtone.web.port;

import java.util.List;
import java.util.Optional;

/** The installer's and operator's hold on failover: the mode, and the failover test. */
public interface FailoverControls {

    /** {@code auto}, {@code force-primary} or {@code force-lte}. */
    String mode();

    /** Sets and persists the mode; {@code mode} arrives validated. */
    void setMode(String mode, String by);

    /** Starts the failover test in the background; {@link Refused} says why it cannot start now. */
    FailoverTestReport startTest();

    /** The running test, or the last one; empty when none ever ran. */
    Optional<FailoverTestReport> latestTest();

    /** The failover test cannot start now; each reason is for the installer. */
    final class Refused extends RuntimeException {
        private final List<String> reasons;

        public Refused(List<String> reasons) {
            super(String.join("; ", reasons), null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<String> reasons() {
            return reasons;
        }
    }
}
