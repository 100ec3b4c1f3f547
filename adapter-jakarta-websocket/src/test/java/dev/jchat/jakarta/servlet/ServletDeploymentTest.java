package dev.jchat.jakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.conformance.Frames;
import dev.jchat.conformance.WireClient;
import dev.jchat.jakarta.example.ChatWebAppListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a web application hands its chat to the adapter, in a real Tomcat. */
@Timeout(30)
class ServletDeploymentTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void a_web_application_whose_listener_supplies_the_chat_serves_the_api_and_the_socket() throws Exception {
    try (TomcatServer server = TomcatServer.start(webapp ->
        webapp.addApplicationListener(ChatWebAppListener.class.getName()))) { // as web.xml or @WebListener would
      HttpResponse<String> registered = http.send(HttpRequest.newBuilder(url(server, "/api/auth/register"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"correct horse\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String token = Frames.parse(registered.body()).get("token").getAsString();
      try (WireClient client = WireClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws"))) {
        int ack = client.request("auth", Frames.data("token", token));
        assertThat(Frames.event(client.awaitAnswer(ack))).isEqualTo("ack");
      }
    }
  }

  @Test
  void without_endpoints_the_api_answers_503_naming_the_attribute_and_no_socket_opens() throws Exception {
    try (TomcatServer server = TomcatServer.start(webapp -> { })) {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(url(server, "/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).contains("\"error\":\"unavailable\"", ChatServletContainerInitializer.ENDPOINTS_ATTRIBUTE);
      assertThat(WireClient.upgradeStatus(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), null)).isNotEqualTo(101);
    }
  }

  private static URI url(TomcatServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
