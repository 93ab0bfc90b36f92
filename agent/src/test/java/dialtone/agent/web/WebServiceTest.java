package dialtone.agent.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dialtone.web.WebApp;
import dialtone.web.WebServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class WebServiceTest {
    private static final WebApp.Ports NOTHING =
            new WebApp.Ports(null, null, null, null, null, null, null, null, null, null, null, null, null);

    @Test
    void aTakenPortStopsTheDemoButNotABox() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            WebServer.Settings settings = new WebServer.Settings("127.0.0.1", taken.getLocalPort(), false);

            assertThatThrownBy(() -> new WebService(settings, NOTHING, true).start())
                    .isInstanceOf(WebServer.WebStartException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
            WebService box = new WebService(settings, NOTHING, false);
            assertThatCode(box::start).as("failover must not wait for the page").doesNotThrowAnyException();
            assertThatCode(box::stop).doesNotThrowAnyException();
        }
    }
}
