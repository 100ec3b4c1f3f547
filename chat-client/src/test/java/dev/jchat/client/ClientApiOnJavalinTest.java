package dev.jchat.client;

class ClientApiOnJavalinTest extends ClientApiTest {
  @Override
  String transport() {
    return "javalin";
  }
}
