package dev.jchat.app;

/** A setting that cannot be used; the message is the one line printed before the app exits. */
public final class InvalidSettingException extends RuntimeException {
  public InvalidSettingException(String name, String value, String expected) {
    super("invalid setting " + name + "=" + value + ": " + expected);
  }
}
