package dev.jchat.wire;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Socket.IO v5 packets of the main namespace (PROTOCOL.md section 8) translated to and from the
 * native frames of section 2, so that a Socket.IO client talks to the same core as a {@code /ws} one.
 * A packet here is the Socket.IO packet alone: the Engine.IO {@code 4} (message) in front of it is
 * the transport's. Thread-safe and stateless.
 *
 * <p>Socket.IO acknowledgement ids start at 0 and the protocol's {@code ack} at 1, so an event with
 * id n is the native request with {@code ack} n + 1. The connect packet becomes an {@code auth}
 * request with {@code ack} {@value #AUTH_ACK}; no event is taken before the connect is answered.
 */
public final class SocketIoCodec {
  /** The native {@code ack} of the auth request a connect packet becomes. */
  public static final int AUTH_ACK = 1;

  private static final char CONNECT = '0';
  private static final char DISCONNECT = '1';
  private static final char EVENT = '2';
  private static final char ACK = '3';
  private static final char CONNECT_ERROR = '4';
  private static final char BINARY_EVENT = '5';
  private static final char BINARY_ACK = '6';
  private static final String MAIN_NAMESPACE = "/";
  /** Longer ids do not fit the protocol's 2^31-1 anyway, and 10 digits cannot overflow a long. */
  private static final int MAX_ACK_DIGITS = 10;

  /** What one packet from the client asks for. */
  public sealed interface Incoming {
  }

  /** Connect to the main namespace: hand {@code authFrame} to the core, and answer with {@link #connectAnswer}. */
  public record Connect(String authFrame) implements Incoming {
  }

  /** A namespace other than the main one: answer {@code reply} and nothing else. */
  public record UnknownNamespace(String reply) implements Incoming {
  }

  /** An event, as the native frame to hand to the core. */
  public record Request(String frame) implements Incoming {
  }

  /** The client leaves the main namespace: the connection ends. */
  public record Disconnect() implements Incoming {
  }

  /** Nothing to do: the server never asks for acknowledgements, and other namespaces do not exist. */
  public record Ignored() implements Incoming {
  }

  /** Binary packets (refused by the binding). */
  public record Binary() implements Incoming {
  }

  /** Not a Socket.IO packet: Socket.IO closes the connection, and so do we. */
  public record Invalid(String reason) implements Incoming {
  }

  /** The packet's meaning; never throws. */
  public Incoming decode(String packet) {
    if (packet.isEmpty()) {
      return new Invalid("empty packet");
    }
    char type = packet.charAt(0);
    if (type == BINARY_EVENT || type == BINARY_ACK) {
      return new Binary();
    }
    int at = 1;
    String namespace = MAIN_NAMESPACE;
    if (packet.startsWith("/", at)) {
      int comma = packet.indexOf(',', at);
      namespace = comma < 0 ? packet.substring(at) : packet.substring(at, comma);
      at = comma < 0 ? packet.length() : comma + 1;
    }
    int digits = at;
    while ((type == EVENT || type == ACK) && digits < packet.length() && Character.isDigit(packet.charAt(digits))) {
      digits++;
    }
    if (digits - at > MAX_ACK_DIGITS) {
      return new Invalid("bad acknowledgement id");
    }
    Long ackId = digits > at ? Long.parseLong(packet.substring(at, digits)) : null;
    String payload = packet.substring(digits);
    return switch (type) {
      case CONNECT -> connect(namespace, payload);
      case DISCONNECT -> namespace.equals(MAIN_NAMESPACE) ? new Disconnect() : new Ignored();
      case EVENT -> namespace.equals(MAIN_NAMESPACE) ? event(payload, ackId) : new Ignored();
      case ACK -> new Ignored();
      default -> new Invalid("unknown packet type"); // CONNECT_ERROR is the server's to send
    };
  }

  /**
   * The packet that answers a connect, from the core's answer to its auth request: CONNECT with the
   * connection's id on success, else CONNECT_ERROR with the refusal's code as its message.
   */
  public String connectAnswer(String authAnswer) {
    JsonObject answer = Json.parse(authAnswer).getAsJsonObject();
    JsonObject data = answer.getAsJsonObject("data");
    if ("ack".equals(Json.string(answer.get("event")))) {
      JsonObject connected = new JsonObject();
      connected.add("sid", data.get("connectionId"));
      return CONNECT + connected.toString();
    }
    JsonObject refused = new JsonObject();
    refused.add("message", data.get("code"));
    return CONNECT_ERROR + refused.toString();
  }

  /**
   * The packet for a native server frame: an acknowledgement for an answer to an event ({@code ack},
   * or {@code chat:error} as {@code {"error":{…}}}), else an event with the frame's data as its one
   * argument.
   */
  public String packet(String frame) {
    JsonObject frameObject = Json.parse(frame).getAsJsonObject();
    String event = Json.string(frameObject.get("event"));
    JsonElement data = frameObject.get("data");
    Long ack = Json.integer(frameObject.get("ack"));
    JsonArray arguments = new JsonArray();
    if (ack != null) {
      if (event.equals("chat:error")) {
        JsonObject error = new JsonObject();
        error.add("error", data);
        data = error;
      }
      arguments.add(data == null ? new JsonObject() : data);
      return ACK + Long.toString(ack - 1) + arguments;
    }
    arguments.add(event);
    if (data != null) {
      arguments.add(data);
    }
    return EVENT + arguments.toString();
  }

  private static Incoming connect(String namespace, String payload) {
    if (!namespace.equals(MAIN_NAMESPACE)) {
      JsonObject error = new JsonObject();
      error.addProperty("message", "Invalid namespace");
      return new UnknownNamespace(CONNECT_ERROR + namespace + "," + error);
    }
    JsonElement auth = payload.isEmpty() ? new JsonObject() : Json.parse(payload);
    if (auth == null || !auth.isJsonObject()) {
      return new Invalid("the connect payload must be an object");
    }
    return new Connect(nativeFrame(new JsonPrimitive("auth"), auth, (long) AUTH_ACK - 1));
  }

  private static Incoming event(String payload, Long ackId) {
    JsonElement arguments = Json.parse(payload);
    if (arguments == null || !arguments.isJsonArray() || arguments.getAsJsonArray().isEmpty()
        || Json.string(arguments.getAsJsonArray().get(0)) == null) {
      return new Invalid("an event must be an array that starts with its name");
    }
    JsonArray array = arguments.getAsJsonArray();
    return new Request(nativeFrame(array.get(0), array.size() > 1 ? array.get(1) : null, ackId));
  }

  /** {@code {"event","data","ack"}}, with the data and ack left out when absent. */
  private static String nativeFrame(JsonElement event, JsonElement data, Long ackId) {
    JsonObject frame = new JsonObject();
    frame.add("event", event);
    if (data != null) {
      frame.add("data", data);
    }
    if (ackId != null) {
      frame.addProperty("ack", ackId + 1);
    }
    return frame.toString();
  }
}
