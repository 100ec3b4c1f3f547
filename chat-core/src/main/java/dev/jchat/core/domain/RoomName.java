package dev.jchat.core.domain;

import java.util.regex.Pattern;

/** A room's name: a lower-case slug, {@code ^[a-z0-9][a-z0-9_-]{0,63}$}. */
public record RoomName(String value) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Rejection INVALID = new Rejection(ErrorCode.INVALID_ROOM,
      "room names are 1 to 64 of a-z, 0-9, _ and -, starting with a letter or digit");

  public RoomName {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(INVALID.message());
    }
  }

  /** The name as a client sent it, checked: {@code invalid_room} when it is not one. */
  public static Outcome<RoomName> parse(String value) {
    return value != null && VALID.matcher(value).matches() ? Outcome.ok(new RoomName(value)) : Outcome.refused(INVALID);
  }

  @Override
  public String toString() {
    return value;
  }
}
