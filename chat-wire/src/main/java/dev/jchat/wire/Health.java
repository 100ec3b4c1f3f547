package dev.jchat.wire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** What {@code GET /health} reports: the parts in use, and whether the store and broker answer. */
public record Health(String transport, String store, String broker, BooleanSupplier storeUp,
                     BooleanSupplier brokerUp, IntSupplier connections, Instant startedAt) {

  List<String> failing() {
    List<String> failing = new ArrayList<>();
    if (!storeUp.getAsBoolean()) {
      failing.add("store");
    }
    if (!brokerUp.getAsBoolean()) {
      failing.add("broker");
    }
    return failing;
  }

  long uptimeSeconds() {
    return Duration.between(startedAt, Instant.now()).toSeconds();
  }
}
