package dev.jchat.client;

class RecoveryOnJavalinTest extends RecoveryTest {
  @Override
  String transport() {
    return "javalin";
  }
}
