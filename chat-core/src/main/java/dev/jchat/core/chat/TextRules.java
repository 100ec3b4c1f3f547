package dev.jchat.core.chat;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.port.MessageValidator;

/**
 * The protocol's text rules: 1 to 2000 code points once white space is stripped, and no control
 * characters except tab and line feed.
 */
public final class TextRules implements MessageValidator {
  public static final int MAX_CODE_POINTS = 2000;

  @Override
  public Outcome<String> check(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return reject("a message needs some text");
    }
    if (stripped.codePointCount(0, stripped.length()) > MAX_CODE_POINTS) {
      return reject("a message holds at most " + MAX_CODE_POINTS + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n') {
        return reject("control characters are not allowed; use \\n for a new line");
      }
    }
    return Outcome.ok(text);
  }

  private static Outcome<String> reject(String reason) {
    return Outcome.refused(ErrorCode.INVALID_MESSAGE, reason);
  }
}
