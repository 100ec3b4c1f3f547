package dev.jchat.client;

/** A refused or impossible request, with the protocol's error code (or the client's own). */
public class ChatException extends RuntimeException {
  private final ErrorCode code;

  public ChatException(ErrorCode code, String message) {
    super(code.wireName() + ": " + message);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
