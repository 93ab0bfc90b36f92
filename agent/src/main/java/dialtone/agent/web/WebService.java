package dialtone.agent.web;

import dialtone.agent.runtime.Service;
import dialtone.web.WebApp;
import dialtone.web.WebServer;
import org.tinylog.Logger;

/**
 * The installer web UI as one of the agent's services. In the demo a port that is taken refuses
 * the start (the message says which); on a box it is logged and the agent carries on: failover and
 * 911 never wait for the installer page.
 */
public final class WebService implements Service {
    private final WebServer server;
    private final boolean required;
    private boolean running;

    /** @param required whether the agent must not run without it (the demo) */
    public WebService(WebServer.Settings settings, WebApp.Ports ports, boolean required) {
        this.server = new WebServer(settings, ports);
        this.required = required;
    }

    @Override
    public String name() {
        return "web UI";
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            server.start();
            running = true;
        } catch (WebServer.WebStartException e) {
            if (required) {
                throw e;
            }
            Logger.error(
                    "The installer page is not available ({}); failover, 911 and reporting carry on", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            server.stop();
            running = false;
        }
    }

    public int port() {
        return server.port();
    }
}
