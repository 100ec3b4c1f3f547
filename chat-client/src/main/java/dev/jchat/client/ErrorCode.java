package dev.jchat.client;

import java.util.Locale;

/** Why a request failed: the protocol's codes (PROTOCOL.md section 6), and a few of the client's own. */
public enum ErrorCode {
  BAD_JSON, UNKNOWN_EVENT, INVALID_PAYLOAD, INVALID_MESSAGE, INVALID_ROOM, NOT_MEMBER, UNAUTHENTICATED,
  AUTH_FAILED, RATE_LIMITED, TOO_LARGE, FORBIDDEN, CONFLICT, UNAVAILABLE, INTERNAL,
  /** A code this client does not know (a newer server). */
  UNKNOWN,
  /** The outbox holds as many unacknowledged sends as it may: this one was not queued. */
  OUTBOX_FULL,
  /** The request needs a live connection and there is none now. */
  NOT_CONNECTED,
  /** The client was closed, or stopped after the server refused its token. */
  CLOSED;

  /** The code as the server writes it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ErrorCode fromWire(String code) {
    for (ErrorCode value : values()) {
      if (value.wireName().equals(code)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
