package dev.jchat.core.domain;

import java.util.regex.Pattern;

/** Room names are lower-case slugs: {@code ^[a-z0-9][a-z0-9_-]{0,63}$}. */
public final class RoomName {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private RoomName() {
  }

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  public static final Rejection INVALID =
      new Rejection(ErrorCode.INVALID_ROOM, "room names are 1 to 64 of a-z, 0-9, _ and -, starting with a letter or digit");
}
