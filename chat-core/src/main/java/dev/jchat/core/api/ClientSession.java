package dev.jchat.core.api;

import dev.jchat.core.domain.CloseCode;

/**
 * One connection's inbound side, as {@link Chat#open} returned it. The contract, as Jetty's {@code
 * FrameHandler} states its own:
 * <ul>
 *   <li>{@link #receive} takes the connection's text frames in the order they arrived. Calls for one
 *       session must not overlap (a transport's reader hands over one frame after another); calls
 *       for different sessions run in parallel. It does not block on a socket; it may wait for the
 *       store while it reads history.
 *   <li>{@link #pong} may be called from any thread, at any time, also during a {@code receive}.
 *   <li>{@link #close} is for what the transport itself refuses (a binary frame: 1003; a frame over
 *       16 KiB: 1009): the frames already queued go out, then the close.
 *   <li>{@link #closed} reports that the connection ended, whoever ended it. Call it once; a repeat
 *       does nothing. After it, other calls do nothing.
 * </ul>
 */
public interface ClientSession {

  /** One text frame from the client, a whole message. */
  void receive(String frame);

  /** A pong (or any other sign of life that is not a text frame) came. */
  void pong();

  /** Closes the connection with the code, after the frames already queued. Idempotent. */
  void close(CloseCode code, String reason);

  /** The connection ended. */
  void closed();
}
