package dev.jchat.wire;

import com.google.gson.stream.JsonWriter;
import dev.jchat.core.domain.Message;
import dev.jchat.core.domain.User;
import dev.jchat.core.protocol.ServerEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes server events straight to JSON with exactly the fields PROTOCOL.md lists, and optional ones
 * left out rather than null. Text is written as is: JSON escaping only, never HTML escaping.
 */
final class EventWriter {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  String write(ServerEvent event) {
    StringWriter out = new StringWriter(128);
    try (JsonWriter json = new JsonWriter(out)) {
      json.beginObject();
      body(json, event);
      json.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static void body(JsonWriter json, ServerEvent event) throws IOException {
    if (event instanceof ServerEvent.Session session) {
      json.name("event").value("session").name("data");
      session(json, session);
    } else if (event instanceof ServerEvent.NewMessage created) {
      json.name("event").value("chat:new").name("data");
      message(json, created.message());
    } else if (event instanceof ServerEvent.History history) {
      json.name("event").value("chat:history").name("data").beginObject();
      json.name("room").value(history.room());
      json.name("messages");
      messages(json, history.messages());
      json.name("hasMore").value(history.hasMore());
      json.name(history.request() == ServerEvent.History.Request.SINCE ? "since" : "before").value(history.from());
      json.endObject();
    } else if (event instanceof ServerEvent.PresenceState state) {
      json.name("event").value("presence:state").name("data").beginObject();
      json.name("room").value(state.room()).name("users").beginArray();
      for (User user : state.users()) {
        user(json, user);
      }
      json.endArray().endObject();
    } else if (event instanceof ServerEvent.PresenceChange change) {
      json.name("event").value(change.joined() ? "presence:join" : "presence:leave").name("data").beginObject();
      json.name("room").value(change.room()).name("user");
      user(json, change.user());
      json.endObject();
    } else if (event instanceof ServerEvent.Typing typing) {
      json.name("event").value("typing").name("data").beginObject();
      json.name("room").value(typing.room()).name("user");
      user(json, typing.user());
      json.name("typing").value(typing.typing());
      json.endObject();
    } else if (event instanceof ServerEvent.Error error) {
      json.name("event").value("chat:error");
      if (error.ack() != null) {
        json.name("ack").value(error.ack());
      }
      json.name("data").beginObject();
      json.name("code").value(error.rejection().code().wireName());
      json.name("message").value(error.rejection().message());
      json.endObject();
    } else if (event instanceof ServerEvent.Ack ack) {
      json.name("event").value("ack").name("ack").value(ack.ack()).name("data");
      ackResult(json, ack.result());
    } else if (event instanceof ServerEvent.Pong) {
      json.name("event").value("pong");
    }
  }

  private static void ackResult(JsonWriter json, ServerEvent.AckResult result) throws IOException {
    if (result instanceof ServerEvent.Session session) {
      session(json, session);
      return;
    }
    json.beginObject();
    if (result instanceof ServerEvent.RoomResult room) {
      json.name("room").value(room.room());
    } else if (result instanceof ServerEvent.SentResult sent) {
      json.name("id").value(sent.id()).name("seq").value(sent.seq()).name("time").value(time(sent.time()));
    }
    json.endObject();
  }

  private static void session(JsonWriter json, ServerEvent.Session session) throws IOException {
    json.beginObject().name("user");
    user(json, session.user());
    json.name("connectionId").value(session.connectionId()).endObject();
  }

  static void user(JsonWriter json, User user) throws IOException {
    json.beginObject().name("id").value(user.id()).name("name").value(user.name()).endObject();
  }

  static void messages(JsonWriter json, List<Message> messages) throws IOException {
    json.beginArray();
    for (Message message : messages) {
      message(json, message);
    }
    json.endArray();
  }

  static void message(JsonWriter json, Message message) throws IOException {
    json.beginObject();
    json.name("id").value(message.id());
    json.name("seq").value(message.seq());
    json.name("room").value(message.room());
    json.name("user").value(message.userName());
    json.name("userId").value(message.userId());
    json.name("text").value(message.text());
    json.name("time").value(time(message.time()));
    if (message.clientMsgId() != null) {
      json.name("clientMsgId").value(message.clientMsgId());
    }
    json.endObject();
  }
}
