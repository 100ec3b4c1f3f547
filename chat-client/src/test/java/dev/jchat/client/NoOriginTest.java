package dev.jchat.client;

import static dev.jchat.client.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A server whose allow-list admits no page at all still takes the client: it sends no Origin, as a non-browser client. */
class NoOriginTest {
  @ParameterizedTest
  @ValueSource(strings = {"javalin", "jakarta"})
  void aServerThatAdmitsOnlyItsOwnPagesTakesTheClient(String transport) throws Exception {
    try (TestServer server = TestServer.start(transport, Map.of("CHAT_ALLOWED_ORIGINS", "https://chat\\.example\\.com"));
        ChatClient client = Users.registered(ChatClient.builder(server.url()), "remote")) {
      assertThat(await(client.connect()).user().name()).startsWith("remote-");
    }
  }
}
