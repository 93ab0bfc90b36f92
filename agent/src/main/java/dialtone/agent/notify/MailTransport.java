package dialtone.agent.notify;

import java.util.List;

/** Hands a message to the mail server; the one effect of notifications. */
public interface MailTransport {

    /** @throws MailFailure with the server's (or the network's) reason, when it did not take the message */
    void send(List<String> to, String subject, String text) throws MailFailure;

    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
