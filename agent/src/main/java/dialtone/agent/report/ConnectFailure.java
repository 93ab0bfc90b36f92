package dialtone.agent.report;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Why a connection to the broker failed, in one line for the technician. Paho wraps socket and
 * TLS errors in an {@link MqttException} whose own message says only "Untranslated MqttException
 * RC 0"; the cause chain holds the real reason (a certificate or host name the device refuses, a
 * refused connection, a timeout).
 */
final class ConnectFailure {
    private static final int MAX_DEPTH = 10;

    private ConnectFailure() {}

    static String describe(Throwable failure) {
        if (failure == null) {
            return "connection lost";
        }
        Throwable deepest = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < MAX_DEPTH; t = t.getCause()) {
            deepest = t;
            String known = known(t);
            if (known != null) {
                return known;
            }
        }
        if (failure instanceof MqttException mqtt
                && mqtt.getReasonCode() != MqttException.REASON_CODE_CLIENT_EXCEPTION) {
            return failure.getMessage(); // the broker's own reason, which Paho translates
        }
        return deepest.getMessage() == null
                ? deepest.getClass().getSimpleName()
                : deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }

    private static String known(Throwable t) {
        return switch (t) {
            case CertificateException e -> "the broker's certificate was refused: " + innermost(e);
            case SSLException e when hasCertificateCause(e) -> "the broker's certificate was refused: " + innermost(e);
            case SSLException e -> "TLS handshake failed: " + innermost(e);
            case ConnectException e -> "connection refused" + detail(e);
            case SocketTimeoutException e -> "timed out" + detail(e);
            case NoRouteToHostException e -> "no route to the broker" + detail(e);
            case UnknownHostException e -> "unknown broker host " + e.getMessage();
            default -> null;
        };
    }

    private static boolean hasCertificateCause(Throwable t) {
        int depth = 0;
        for (Throwable c = t.getCause(); c != null && depth++ < MAX_DEPTH; c = c.getCause()) {
            if (c instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** The message of the deepest cause that has one: the certificate checker's own words. */
    private static String innermost(Throwable t) {
        String message = t.getMessage();
        int depth = 0;
        for (Throwable c = t.getCause(); c != null && depth++ < MAX_DEPTH; c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : message;
    }

    private static String detail(Throwable t) {
        return t.getMessage() == null ? "" : " (" + t.getMessage() + ")";
    }
}
