package dev.jchat.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Raw settings by name: a {@code -D} system property wins over the environment variable. */
final class Settings {
  private final Map<String, String> environment;
  private final Properties properties;

  Settings(Map<String, String> environment, Properties properties) {
    this.environment = environment;
    this.properties = properties;
  }

  Optional<String> get(String name) {
    String value = properties.getProperty(name, environment.get(name));
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  /** The value, which must be one of {@code allowed}. */
  String oneOf(String name, String fallback, String... allowed) {
    String value = get(name, fallback);
    if (!List.of(allowed).contains(value)) {
      throw new InvalidSettingException(name, value, "expected one of " + String.join(", ", allowed));
    }
    return value;
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> value = get(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidSettingException(name, value.get(), "expected a whole number from " + min + " to " + max);
  }
}
