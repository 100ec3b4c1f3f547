package dev.jchat.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The repository's Dockerfile as its instructions: comments dropped, continued lines joined. */
record Dockerfile(List<Instruction> instructions) {

  /** One instruction: {@code FROM}, {@code RUN}, … and the text after it. */
  record Instruction(String keyword, String arguments) {
  }

  static Dockerfile read() throws IOException {
    String text = Files.readString(Repository.file("Dockerfile")).replace("\\\n", " ");
    List<Instruction> instructions = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        String[] parts = trimmed.split("\\s+", 2);
        instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : ""));
      }
    }
    return new Dockerfile(instructions);
  }

  /** The arguments of every instruction with this keyword, in order. */
  List<String> all(String keyword) {
    return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
  }

  /** The arguments of the last instruction with this keyword (the one in force in the final image). */
  String last(String keyword) {
    List<String> all = all(keyword);
    if (all.isEmpty()) {
      throw new AssertionError("the Dockerfile has no " + keyword);
    }
    return all.get(all.size() - 1);
  }

  /** The variables that ENV sets ({@code ENV A=1 B=2}). */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String arguments : all("ENV")) {
      for (String pair : arguments.split("\\s+")) {
        String[] nameAndValue = pair.split("=", 2);
        environment.put(nameAndValue[0], nameAndValue[1]);
      }
    }
    return environment;
  }

  /** The shell command of HEALTHCHECK … CMD command, which Docker runs with {@code /bin/sh -c}. */
  String healthCheckCommand() {
    String healthCheck = last("HEALTHCHECK");
    int cmd = healthCheck.indexOf(" CMD ");
    if (cmd < 0) {
      throw new AssertionError("HEALTHCHECK without CMD: " + healthCheck);
    }
    return healthCheck.substring(cmd + " CMD ".length()).trim();
  }
}
