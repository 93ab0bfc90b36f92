package dialtone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifyApiTest {
    private final LocalApi api = new LocalApi(Fixtures::status, null);

    NotifyApiTest() throws Exception {
        api.login(LocalApi.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aTestEmailIsQueuedForEveryRecipient() throws Exception {
        HttpTester.Response response = api.send("POST", "/api/v1/notify/test", null);

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(api.json(response).get("recipients")).isEqualTo(List.of("office@acme.example"));
        assertThat(api.notify.tests).isEqualTo(1);
    }

    @Test
    void withoutAServerOrRecipientsItSaysWhatIsMissing() throws Exception {
        api.notify.recipients = List.of();
        HttpTester.Response response = api.send("POST", "/api/v1/notify/test", null);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(api.json(response).get("message").toString()).contains("notify.smtp.host");
    }
}
