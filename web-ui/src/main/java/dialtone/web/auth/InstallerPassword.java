package dialtone.web.auth;

import dialtone.web.port.CredentialStore;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.tinylog.Logger;

/**
 * The device's installer password: set once (by provisioning or, later, the first-start page),
 * kept only as a hash, checked one attempt at a time so a flood of logins cannot eat the CPU.
 */
public final class InstallerPassword {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    /** The outcome of a login attempt. */
    public enum Check {
        MATCH,
        MISMATCH,
        NOT_SET
    }

    private final CredentialStore store;
    private final PasswordHasher hasher;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public InstallerPassword(CredentialStore store, PasswordHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** Why {@code password} cannot be an installer password, or empty when it can. */
    public static Optional<String> problem(String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("must have at most " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    public boolean isSet() {
        return store.installerPasswordHash().isPresent();
    }

    /**
     * Stores the provisioned password when the device has none yet; a device that already has
     * one keeps it. Returns whether it was stored.
     */
    public boolean provisionIfAbsent(String password) {
        problem(password).ifPresent(p -> {
            throw new IllegalArgumentException("installer password " + p);
        });
        oneAtATime.lock();
        try {
            if (isSet()) {
                return false;
            }
            store.setInstallerPasswordHash(hasher.hash(password));
            return true;
        } finally {
            oneAtATime.unlock();
        }
    }

    public Check check(String candidate) {
        Optional<String> stored = store.installerPasswordHash();
        if (stored.isEmpty()) {
            return Check.NOT_SET;
        }
        if (!hasher.readable(stored.get())) {
            Logger.error("The stored installer password hash is unreadable; nobody can log in until it is set again");
            return Check.MISMATCH;
        }
        oneAtATime.lock();
        try {
            return hasher.matches(candidate, stored.get()) ? Check.MATCH : Check.MISMATCH;
        } finally {
            oneAtATime.unlock();
        }
    }
}
