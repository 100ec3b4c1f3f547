package dev.jchat.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/** Reading typed values out of client JSON without trusting its types. */
final class Json {
  private Json() {
  }

  /** The string value, or null when absent or not a string. */
  static String string(JsonElement element) {
    if (element instanceof JsonPrimitive primitive && primitive.isString()) {
      return primitive.getAsString();
    }
    return null;
  }

  /** The integral number that fits a long, or null when it is anything else (2.5, "3", 1e40, true). */
  static Long integer(JsonElement element) {
    if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
      return null;
    }
    try {
      return new BigDecimal(primitive.getAsString()).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  /** Client text quoted back in an error, cut short so an error never echoes a large payload. */
  static String clip(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
