package dialtone.hal.sys;

/**
 * Whether the wall clock can be believed. A Pi has no real-time clock and boots with a stale but
 * plausible time; only after NTP has synchronised may a billing month roll over.
 */
public interface ClockTrust {

    boolean trusted();
}
