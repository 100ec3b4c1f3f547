package dev.jchat.core.domain;

/** The WebSocket close codes of PROTOCOL.md section 6. */
public enum CloseCode {
  NORMAL(1000),
  GOING_AWAY(1001),
  BINARY_FRAME(1003),
  INVALID_UTF8(1007),
  POLICY_VIOLATION(1008),
  TOO_BIG(1009),
  SERVER_ERROR(1011),
  AUTH_FAILED(4401),
  AUTH_TIMEOUT(4408),
  SLOW_CONSUMER(4429);

  private final int code;

  CloseCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
