package dialtone.agent.web;

import dialtone.agent.runtime.Service;
import dialtone.web.WebApp;
import dialtone.web.WebServer;

/** The installer web UI as one of the agent's services. */
public final class WebService implements Service {
    private final WebServer server;
    private boolean running;

    public WebService(WebServer.Settings settings, WebApp.Ports ports) {
        this.server = new WebServer(settings, ports);
    }

    @Override
    public String name() {
        return "web UI";
    }

    @Override
    public synchronized void start() {
        if (!running) {
            server.start();
            running = true;
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
