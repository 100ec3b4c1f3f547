package dev.jchat.client;

/** The same recoveries from the Jakarta WebSocket endpoint on Tyrus. */
class RecoveryOnJakartaTest extends RecoveryTest {
  @Override
  String transport() {
    return "jakarta";
  }
}
