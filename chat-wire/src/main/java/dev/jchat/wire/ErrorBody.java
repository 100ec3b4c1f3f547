package dev.jchat.wire;

import com.google.gson.stream.JsonWriter;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Rejection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP answer to a refused request, PROTOCOL.md section 1: {@code {"error","message"}} with the code's status. */
public final class ErrorBody {
  private ErrorBody() {
  }

  public static HttpResponse response(Map<String, String> headers, Rejection rejection) {
    return response(headers, rejection.code(), rejection.message());
  }

  /** A 503 also says when to come back ({@code Retry-After}, in seconds): the refusal is momentary. */
  public static HttpResponse response(Map<String, String> headers, ErrorCode code, String message) {
    if (code != ErrorCode.UNAVAILABLE) {
      return new HttpResponse(code.httpStatus(), headers, json(code, message));
    }
    Map<String, String> withRetry = new LinkedHashMap<>(headers);
    withRetry.put("Retry-After", "1");
    return new HttpResponse(code.httpStatus(), withRetry, json(code, message));
  }

  static String json(ErrorCode code, String message) {
    StringWriter out = new StringWriter();
    try (JsonWriter json = new JsonWriter(out)) {
      json.beginObject().name("error").value(code.wireName()).name("message").value(message).endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
