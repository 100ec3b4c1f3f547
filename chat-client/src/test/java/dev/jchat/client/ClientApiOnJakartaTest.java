package dev.jchat.client;

/** The same calls against the Jakarta WebSocket endpoint on Tyrus. */
class ClientApiOnJakartaTest extends ClientApiTest {
  @Override
  String transport() {
    return "jakarta";
  }
}
