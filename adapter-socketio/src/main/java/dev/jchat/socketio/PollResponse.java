package dev.jchat.socketio;

import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A long-polling GET, waiting without a thread until packets come: they go out in its one response. */
final class PollResponse implements Link {
  private final Response response;
  private final Callback exchange;

  PollResponse(Response response, Callback exchange) {
    this.response = response;
    this.exchange = exchange;
  }

  @Override
  public void write(List<ByteBuffer> packets, Callback done) {
    response.setStatus(200);
    response.getHeaders().put("Content-Type", HttpAnswers.TEXT);
    response.write(true, Packets.join(packets), Callback.from(() -> {
      exchange.succeeded();
      done.succeeded();
    }, failure -> {
      exchange.failed(failure);
      done.failed(failure);
    }));
  }
}
