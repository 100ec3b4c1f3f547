package dev.jchat.core.domain;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The result of a request that may be refused: either a value or a {@link Rejection}. The one way
 * the core expresses an expected refusal; exceptions are for bugs and infrastructure faults.
 */
public sealed interface Outcome<T> {

  record Ok<T>(T value) implements Outcome<T> {
  }

  record Refused<T>(Rejection rejection) implements Outcome<T> {
  }

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> refused(Rejection rejection) {
    return new Refused<>(rejection);
  }

  static <T> Outcome<T> refused(ErrorCode code, String message) {
    return new Refused<>(new Rejection(code, message));
  }

  /** The next step with the value, or this refusal carried on. */
  default <R> Outcome<R> then(Function<? super T, Outcome<R>> next) {
    return fold(next, Outcome::refused);
  }

  default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
    return then(value -> ok(mapper.apply(value)));
  }

  /** One of the two functions applied, as the outcome is. */
  default <R> R fold(Function<? super T, ? extends R> ok, Function<Rejection, ? extends R> refused) {
    if (this instanceof Ok<T> success) {
      return ok.apply(success.value());
    }
    return refused.apply(((Refused<T>) this).rejection());
  }

  /** Hands the value or the rejection to the matching consumer. */
  default void consume(Consumer<? super T> ok, Consumer<Rejection> refused) {
    fold(value -> {
      ok.accept(value);
      return null;
    }, rejection -> {
      refused.accept(rejection);
      return null;
    });
  }
}
