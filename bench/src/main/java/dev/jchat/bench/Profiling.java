package dev.jchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * JFR recordings of the measured steps only ({@code --profile DIR}): our servers' through jcmd
 * (JFR.start before the step, JFR.dump after; one file per instance), the generator's in-process. Summarize them with
 * {@link JfrTop}. The peer is not recorded (use node --cpu-prof for it).
 */
final class Profiling {
  private final Path dir;
  private final Deployment deployment;
  private Recording generator;
  private String name;

  private Profiling(Path dir, Deployment deployment) {
    this.dir = dir;
    this.deployment = deployment;
  }

  /** Null unless {@code --profile} names a folder. */
  static Profiling of(Options options, Deployment deployment) {
    if (!options.has("profile")) {
      return null;
    }
    Path dir = Path.of(options.text("profile", ""));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir, e);
    }
    return new Profiling(dir, deployment);
  }

  void start(String step) {
    name = deployment.label() + "-" + step;
    for (int i = 0; i < deployment.size(); i++) {
      if (deployment.instance(i).ours()) {
        Proc.jcmd(deployment.instance(i).pid(), "JFR.start", "name=bench", "settings=profile");
      }
    }
    try {
      generator = new Recording(Configuration.getConfiguration("profile"));
      generator.start();
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("cannot record the generator: " + e.getMessage(), e);
    }
  }

  void stop() {
    for (int i = 0; i < deployment.size(); i++) {
      if (deployment.instance(i).ours()) {
        String instance = deployment.size() == 1 ? "" : "-" + i;
        Path file = dir.resolve("server-" + name + instance + ".jfr").toAbsolutePath();
        Proc.jcmd(deployment.instance(i).pid(), "JFR.stop", "name=bench", "filename=" + file);
      }
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
