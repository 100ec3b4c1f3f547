package dev.jchat.core.domain;

import java.util.Locale;

/** The closed set of error codes of PROTOCOL.md section 6, with the HTTP status each maps to. */
public enum ErrorCode {
  BAD_JSON(400),
  UNKNOWN_EVENT(400),
  INVALID_PAYLOAD(400),
  INVALID_MESSAGE(400),
  INVALID_ROOM(400),
  NOT_MEMBER(403),
  UNAUTHENTICATED(401),
  AUTH_FAILED(401),
  RATE_LIMITED(429),
  TOO_LARGE(413),
  FORBIDDEN(403),
  CONFLICT(409),
  UNAVAILABLE(503),
  INTERNAL(500);

  private final int httpStatus;

  ErrorCode(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The code as it appears on the wire, e.g. {@code bad_json}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
