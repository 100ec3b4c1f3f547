package dev.jchat.wire;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

/** Reading typed values out of client JSON without trusting its types. */
final class Json {
  private Json() {
  }

  /**
   * Exactly one strict JSON value (RFC 8259: no comments, single quotes, unquoted names or trailing
   * data), or null when the text is anything else, an empty text included.
   */
  static JsonElement parse(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement element = JsonParser.parseReader(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      return null;
    }
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
