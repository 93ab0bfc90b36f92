package dialtone.agent.e911;

import dialtone.hal.modem.ModemStatus.Position;
import java.time.Instant;
import java.util.Set;

/**
 * One look at the surroundings; anything unknown is null (or empty): the primary down, no LTE
 * registration, no GNSS fix. Absent evidence is never evidence of a move.
 */
public record Sighting(Instant at, String cell, String tac, Position gnss, String gatewayMac, Set<String> upstream) {}
