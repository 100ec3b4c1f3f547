package dev.jchat.wire;

import com.google.gson.stream.JsonWriter;
import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Rejection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The HTTP answer to a refused request, PROTOCOL.md section 1: {@code {"error","message"}} with the code's status. */
public final class ErrorBody {
  private ErrorBody() {
  }

  public static HttpResponse response(Map<String, String> headers, Rejection rejection) {
    return response(headers, rejection.code(), rejection.message());
  }

  public static HttpResponse response(Map<String, String> headers, ErrorCode code, String message) {
    return new HttpResponse(code.httpStatus(), headers, json(code, message));
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
