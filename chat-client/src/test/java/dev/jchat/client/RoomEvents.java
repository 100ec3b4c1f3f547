package dev.jchat.client;

import java.util.List;

/** A room listener that records everything it is told. */
final class RoomEvents implements RoomListener {
  final Recorder<Message> messages = new Recorder<>();
  final Recorder<Presence> presence = new Recorder<>();
  final Recorder<Typing> typing = new Recorder<>();

  @Override
  public void onMessage(Message message) {
    messages.add(message);
  }

  @Override
  public void onPresence(Presence change) {
    presence.add(change);
  }

  @Override
  public void onTyping(Typing change) {
    typing.add(change);
  }

  /** The message with this text, once it came. */
  Message awaitText(String text) throws InterruptedException {
    return messages.await(message -> message.text().equals(text), "message '" + text + "'");
  }

  List<String> texts() {
    return messages.all().stream().map(Message::text).toList();
  }
}
