package dev.jchat.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A Lua script beside this class, run atomically on the server. Sent whole each time (EVAL): they are
 * short, and a restarted Redis has forgotten any script loaded before.
 */
record Script(String source, ScriptOutputType output) {

  static Script load(String name, ScriptOutputType output) {
    try (InputStream in = Script.class.getResourceAsStream(name + ".lua")) {
      if (in == null) {
        throw new IllegalStateException("no script " + name + ".lua");
      }
      return new Script(new String(in.readAllBytes(), StandardCharsets.UTF_8), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T run(RedisCommands<String, String> redis, String[] keys, String... arguments) {
    return redis.eval(source, output, keys, arguments);
  }
}
