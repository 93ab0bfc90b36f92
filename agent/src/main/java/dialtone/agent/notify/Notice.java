package dialtone.agent.notify;

/**
 * One message for people: its kind ({@code failover}, {@code usage}, {@code e911}, {@code modem},
 * {@code security}, or {@code test}), a subject and a plain-text body (the HTML part is made from it;
 * the footer is added when it is sent).
 */
public record Notice(String category, String subject, String text) {}
