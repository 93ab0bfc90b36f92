package dialtone.web.port;

import java.util.List;

/** E-mail notifications, as the installer checks them. */
public interface NotifyControls {

    /** Queues a test message to every recipient; who it goes to, or empty when e-mail is not set up. */
    List<String> sendTest();
}
