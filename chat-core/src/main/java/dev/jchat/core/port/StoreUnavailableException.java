package dev.jchat.core.port;

/** The store (or broker) cannot take the request now; nothing was changed. */
public class StoreUnavailableException extends RuntimeException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
