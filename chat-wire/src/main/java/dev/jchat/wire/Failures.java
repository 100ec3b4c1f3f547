package dev.jchat.wire;

import dev.jchat.core.api.ClientSession;
import dev.jchat.core.domain.CloseCode;
import dev.jchat.core.domain.ErrorCode;
import java.util.Map;

/**
 * The one mapping of an unexpected exception (a bug, or a fault nobody foresaw) at the edge: logged at
 * WARN with its stack trace, so it is seen, and answered as {@code internal} (HTTP 500 with the API's
 * error body) or closed with 1011. Every adapter goes through here.
 */
public final class Failures {
  private static final System.Logger LOG = System.getLogger(Failures.class.getName());

  private Failures() {
  }

  /** The answer to a request whose handling threw. */
  public static HttpResponse internalError(HttpRequest request, RuntimeException cause) {
    LOG.log(System.Logger.Level.WARNING, "unexpected failure answering " + request.method() + " " + request.path(), cause);
    return ErrorBody.response(Map.of(), ErrorCode.INTERNAL, "something went wrong on the server");
  }

  /** The session, with each call that throws logged and answered by closing the connection with 1011. */
  public static ClientSession guarded(ClientSession session) {
    return new ClientSession() {
      @Override
      public void receive(String frame) {
        run(() -> session.receive(frame));
      }

      @Override
      public void pong() {
        run(session::pong);
      }

      @Override
      public void close(CloseCode code, String reason) {
        run(() -> session.close(code, reason));
      }

      @Override
      public void closed() {
        try {
          session.closed();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "unexpected failure cleaning up after a connection", e);
        }
      }

      private void run(Runnable call) {
        try {
          call.run();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "unexpected failure on a connection; closing it with 1011", e);
          session.close(CloseCode.SERVER_ERROR, "internal error");
        }
      }
    };
  }
}
