package dialtone.agent.notify;

import dialtone.agent.config.AgentConfig;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * SMTP through Angus Mail: STARTTLS required (never a silent fall back to plain text), implicit
 * TLS, or none on a trusted relay; the server's certificate and name checked; a login when set;
 * every wait bounded. Plain text with a simple HTML part made from it.
 */
public final class SmtpTransport implements MailTransport {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final AgentConfig.Notifications config;
    private final SSLSocketFactory tls;

    /** @param tls the TLS socket factory, or null for the JVM's (trusting the system's CAs) */
    public SmtpTransport(AgentConfig.Notifications config, SSLSocketFactory tls) {
        this.config = config;
        this.tls = tls;
    }

    @Override
    public void send(List<String> to, String subject, String text) throws MailFailure {
        try {
            Session session = Session.getInstance(properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from(), true));
            for (String address : to) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            }
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(html(text), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", plain, html));
            message.saveChanges();
            try (Transport transport = session.getTransport(config.security().equals("tls") ? "smtps" : "smtp")) {
                transport.connect(
                        config.smtpHost(),
                        config.smtpPort(),
                        config.username().isEmpty() ? null : config.username(),
                        config.username().isEmpty() ? null : config.password().value());
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException | RuntimeException e) {
            throw new MailFailure(reason(e), e);
        }
    }

    private Properties properties() {
        String p = config.security().equals("tls") ? "mail.smtps." : "mail.smtp.";
        Properties props = new Properties();
        props.put(p + "host", config.smtpHost());
        props.put(p + "port", String.valueOf(config.smtpPort()));
        props.put(p + "auth", String.valueOf(!config.username().isEmpty()));
        props.put(p + "connectiontimeout", String.valueOf(TIMEOUT.toMillis()));
        props.put(p + "timeout", String.valueOf(TIMEOUT.toMillis()));
        props.put(p + "writetimeout", String.valueOf(TIMEOUT.toMillis()));
        props.put(p + "ssl.checkserveridentity", "true");
        if (config.security().equals("starttls")) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (tls != null) {
            props.put(p + "ssl.socketFactory", tls);
        }
        return props;
    }

    /** The plain text as HTML: escaped, paragraphs kept. */
    static String html(String text) {
        String escaped = text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        return "<!doctype html><html><body style=\"font-family:sans-serif\"><p>"
                + escaped.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p></body></html>";
    }

    /** The innermost cause's words: what the server or the network said. */
    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
