package dev.jchat.core.domain;

/** The sender's own id for a message, 1 to 64 characters, that makes a resend store nothing new. */
public record ClientMsgId(String value) {
  public static final int MAX_CODE_POINTS = 64;
  private static final Rejection INVALID =
      new Rejection(ErrorCode.INVALID_PAYLOAD, "clientMsgId must be 1 to " + MAX_CODE_POINTS + " characters");

  public ClientMsgId {
    if (!isValid(value)) {
      throw new IllegalArgumentException(INVALID.message());
    }
  }

  /** The id a client sent, checked; a null (none sent) stays null. */
  public static Outcome<ClientMsgId> parseOptional(String value) {
    if (value == null) {
      return Outcome.ok(null);
    }
    return isValid(value) ? Outcome.ok(new ClientMsgId(value)) : Outcome.refused(INVALID);
  }

  private static boolean isValid(String value) {
    return value != null && !value.isEmpty() && value.codePointCount(0, value.length()) <= MAX_CODE_POINTS;
  }

  @Override
  public String toString() {
    return value;
  }
}
