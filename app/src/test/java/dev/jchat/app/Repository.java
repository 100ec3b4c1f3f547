package dev.jchat.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's files, for tests that check what a user reads and runs: README, Dockerfile, compose file. */
final class Repository {
  /** Maven runs the tests in the module's folder, one below the root. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private Repository() {
  }

  static Path file(String name) {
    return ROOT.resolve(name);
  }

  /** The README's first command: {@code mvn … package … && java … -jar app/target/jchat-app.jar}, comment dropped. */
  static String readmeStartLine() throws IOException {
    return Files.readAllLines(file("README.md")).stream()
        .filter(line -> line.startsWith("mvn ") && line.contains(" && java "))
        .findFirst()
        .map(line -> line.replaceFirst("#.*", "").trim())
        .orElseThrow(() -> new AssertionError("README.md has no start command 'mvn … && java … -jar …'"));
  }

  /** Its build part, before the {@code &&}. */
  static String readmeBuildCommand() throws IOException {
    String line = readmeStartLine();
    return line.substring(0, line.indexOf(" && ")).trim();
  }
}
