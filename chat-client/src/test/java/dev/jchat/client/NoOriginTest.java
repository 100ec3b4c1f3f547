package dev.jchat.client;

import static dev.jchat.client.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server whose allow-list admits only its own pages still takes the client: it sends no Origin,
 * as a non-browser client does (PROTOCOL.md section 1).
 */
class NoOriginTest {
  @ParameterizedTest
  @ValueSource(strings = {"javalin", "jakarta"})
  void aServerThatAdmitsOnlyItsOwnPagesTakesTheClient(String transport) throws Exception {
    Map<String, String> onlyItsPages = Map.of("CHAT_ALLOWED_ORIGINS", "https://chat\\.example\\.com");
    try (TestServer server = TestServer.start(transport, onlyItsPages);
        ChatClient client = Users.registered(ChatClient.builder(server.url()), "remote")) {
      assertThat(await(client.connect()).user().name()).startsWith("remote-");
    }
  }
}
