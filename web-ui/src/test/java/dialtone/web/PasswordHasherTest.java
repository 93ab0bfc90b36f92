package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import dialtone.web.auth.PasswordHasher;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    @Test
    void productionHashesUseTheFullCostAndARandomSalt() {
        String first = hasher.hash("installer password");
        String second = hasher.hash("installer password");

        assertThat(first).startsWith("pbkdf2-sha256$600000$").isNotEqualTo(second);
        assertThat(hasher.matches("installer password", first)).isTrue();
        assertThat(hasher.matches("installer passwore", first)).isFalse();
    }

    @Test
    void theStoredCostIsHonouredSoItCanBeRaisedLater() {
        String cheap = new PasswordHasher(1_000).hash("installer password");

        assertThat(hasher.matches("installer password", cheap)).isTrue();
    }

    @Test
    void anUnreadableStoredHashMatchesNothing() {
        assertThat(hasher.readable("plaintext")).isFalse();
        assertThat(hasher.matches("plaintext", "plaintext")).isFalse();
        assertThat(hasher.matches("x", "pbkdf2-sha256$1000$%%%$AAAA")).isFalse();
    }
}
