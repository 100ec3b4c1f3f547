package dev.jchat.socketio;

import dev.jchat.wire.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The whole answers of the Socket.IO endpoint: Engine.IO's errors (its JSON bodies, as the reference
 * server words them), and the refused origin in the API's words.
 */
final class HttpAnswers {
  static final String UNKNOWN_TRANSPORT = "{\"code\":0,\"message\":\"Transport unknown\"}";
  static final String UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}";
  static final String BAD_HANDSHAKE_METHOD = "{\"code\":2,\"message\":\"Bad handshake method\"}";
  static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";
  static final String UNSUPPORTED_VERSION = "{\"code\":5,\"message\":\"Unsupported protocol version\"}";
  static final String TEXT = "text/plain; charset=UTF-8";
  static final String JSON = "application/json";

  private HttpAnswers() {
  }

  /** Engine.IO's 400 with its error body. */
  static void badRequest(Response response, String body, Callback callback) {
    write(response, 400, JSON, body, callback);
  }

  static void write(Response response, HttpResponse answer, Callback callback) {
    answer.headers().forEach(response.getHeaders()::put);
    write(response, answer.status(), answer.contentType(), answer.body(), callback);
  }

  static void write(Response response, int status, String contentType, String body, Callback callback) {
    response.setStatus(status);
    if (body.isEmpty()) {
      response.write(true, null, callback);
      return;
    }
    response.getHeaders().put("Content-Type", contentType);
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  static void headers(Response response, Map<String, String> headers) {
    headers.forEach(response.getHeaders()::put);
  }
}
