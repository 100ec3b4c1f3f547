package dev.jchat.core.domain;

/** The result of a request that may be refused: either a value or a {@link Rejection}. */
public sealed interface Outcome<T> {

  record Ok<T>(T value) implements Outcome<T> {
  }

  record Refused<T>(Rejection rejection) implements Outcome<T> {
  }

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> refused(ErrorCode code, String message) {
    return new Refused<>(new Rejection(code, message));
  }
}
