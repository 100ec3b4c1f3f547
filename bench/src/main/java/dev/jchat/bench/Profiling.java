package dev.jchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * JFR recordings of the measured steps only ({@code --profile DIR}): our server's through jcmd
 * (JFR.start before the step, JFR.dump after), the generator's in-process. Summarize them with
 * {@link JfrTop}. The peer is not recorded (use node --cpu-prof for it).
 */
final class Profiling {
  private final Path dir;
  private final Target target;
  private Recording generator;
  private String name;

  private Profiling(Path dir, Target target) {
    this.dir = dir;
    this.target = target;
  }

  /** Null unless {@code --profile} names a folder. */
  static Profiling of(Options options, Target target) {
    if (!options.has("profile")) {
      return null;
    }
    Path dir = Path.of(options.text("profile", ""));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir, e);
    }
    return new Profiling(dir, target);
  }

  void start(String step) {
    name = target.label() + "-" + step;
    if (target.ours()) {
      Proc.jcmd(target.pid(), "JFR.start", "name=bench", "settings=profile");
    }
    try {
      generator = new Recording(Configuration.getConfiguration("profile"));
      generator.start();
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("cannot record the generator: " + e.getMessage(), e);
    }
  }

  void stop() {
    if (target.ours()) {
      Path file = dir.resolve("server-" + name + ".jfr").toAbsolutePath();
      Proc.jcmd(target.pid(), "JFR.stop", "name=bench", "filename=" + file);
    }
    try {
      generator.stop();
      generator.dump(dir.resolve("generator-" + name + ".jfr"));
      generator.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the generator's recording: " + e.getMessage(), e);
    }
  }
}
