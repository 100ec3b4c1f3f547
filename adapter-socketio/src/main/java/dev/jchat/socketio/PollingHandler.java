package dev.jchat.socketio;

import dev.jchat.core.domain.CloseCode;
import dev.jchat.wire.OriginPolicy;
import dev.jchat.wire.SecurityHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Engine.IO's HTTP long-polling at {@code /socket.io/}: the handshake, the GET that waits for packets
 * and the POST that brings them, behind the origin allow-list, with CORS headers for admitted origins.
 * WebSocket requests go on to {@link SocketIoServer}'s upgrade, and other paths to the next handler.
 */
final class PollingHandler extends Handler.Wrapper {
  private final EngineSockets sockets;
  private final OriginPolicy origins;

  PollingHandler(EngineSockets sockets, OriginPolicy origins) {
    this.sockets = sockets;
    this.origins = origins;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!SocketIoServer.PATH.equals(Request.getPathInContext(request))) {
      return super.handle(request, response, callback);
    }
    Fields query = Request.extractQueryParameters(request);
    if ("websocket".equals(query.getValue("transport"))) {
      return super.handle(request, response, callback);
    }
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (!origins.admits(origin)) {
      HttpAnswers.write(response, OriginPolicy.REFUSED, callback);
      return true;
    }
    HttpAnswers.headers(response, SecurityHeaders.API);
    HttpAnswers.headers(response, OriginPolicy.cors(origin));
    if (request.getMethod().equals("OPTIONS")) {
      HttpAnswers.write(response, 204, HttpAnswers.TEXT, "", callback);
    } else if (!"4".equals(query.getValue("EIO"))) {
      HttpAnswers.badRequest(response, HttpAnswers.UNSUPPORTED_VERSION, callback);
    } else if (!"polling".equals(query.getValue("transport"))) {
      HttpAnswers.badRequest(response, HttpAnswers.UNKNOWN_TRANSPORT, callback);
    } else if (query.getValue("sid") == null) {
      handshake(request, response, callback, origin);
    } else {
      EngineSocket socket = sockets.find(query.getValue("sid"));
      if (socket == null) {
        HttpAnswers.badRequest(response, HttpAnswers.UNKNOWN_SID, callback);
      } else if (request.getMethod().equals("GET")) {
        poll(request, response, callback, socket);
      } else if (request.getMethod().equals("POST")) {
        post(request, response, callback, socket);
      } else {
        HttpAnswers.badRequest(response, HttpAnswers.BAD_REQUEST, callback);
      }
    }
    return true;
  }

  private void handshake(Request request, Response response, Callback callback, String origin) {
    if (!request.getMethod().equals("GET")) {
      HttpAnswers.badRequest(response, HttpAnswers.BAD_HANDSHAKE_METHOD, callback);
      return;
    }
    EngineSocket socket = sockets.open(null, Request.getRemoteAddr(request), origin);
    HttpAnswers.write(response, 200, HttpAnswers.TEXT, sockets.settings().openPacket(socket.sid(), true), callback);
  }

  private static void poll(Request request, Response response, Callback callback, EngineSocket socket) {
    PollResponse poll = new PollResponse(response, callback);
    request.addFailureListener(failure -> socket.pollGone(poll));
    if (!socket.poll(poll)) {
      HttpAnswers.badRequest(response, HttpAnswers.BAD_REQUEST, callback);
    }
  }

  /**
   * Reads the body up to one byte past the limit: a larger one is refused with 413 and ends the
   * connection (as a WebSocket message over the limit does), and so does one that is not UTF-8.
   */
  private void post(Request request, Response response, Callback callback, EngineSocket socket) {
    int limit = sockets.settings().maxPayload();
    if (request.getLength() > limit) {
      tooLarge(response, callback, socket);
      return;
    }
    Content.Source.asByteArrayAsync(request, limit + 1).whenComplete((body, failure) -> {
      if (failure != null) {
        callback.failed(failure);
      } else if (body.length > limit) {
        tooLarge(response, callback, socket);
      } else {
        deliver(response, callback, socket, body);
      }
    });
  }

  private static void deliver(Response response, Callback callback, EngineSocket socket, byte[] body) {
    String payload;
    try {
      payload = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      socket.refuse(CloseCode.INVALID_UTF8, "text is not UTF-8");
      HttpAnswers.badRequest(response, HttpAnswers.BAD_REQUEST, callback);
      return;
    }
    if (socket.post(Packets.split(payload))) {
      HttpAnswers.write(response, 200, "text/html", "ok", callback);
    } else {
      HttpAnswers.badRequest(response, HttpAnswers.BAD_REQUEST, callback);
    }
  }

  private static void tooLarge(Response response, Callback callback, EngineSocket socket) {
    socket.refuse(CloseCode.TOO_BIG, "packet over 16 KiB");
    HttpAnswers.write(response, 413, HttpAnswers.JSON, HttpAnswers.BAD_REQUEST, callback);
  }
}
