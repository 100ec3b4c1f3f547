package dev.jchat.client;

import static dev.jchat.client.ClientApiTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The terminal client's jar in a process of its own, driven through its standard input and output. */
class TerminalClientIT {
  private final TestServer server = TestServer.shared("javalin");
  private final String room = Users.unique("room");

  @Test
  void logsInJoinsChatsAndLeavesFromTheTerminal() throws Exception {
    String name = Users.unique("terry");
    try (ChatClient bob = Users.registered(ChatClient.builder(server.url()), "bob")) {
      await(bob.connect());
      RoomEvents bobsRoom = new RoomEvents();
      await(bob.join(room, bobsRoom));
      Process cli = new ProcessBuilder(java(), "-jar", System.getProperty("jchat.cli.jar"),
          "--url", server.url().toString(), "--user", name, "--register").redirectErrorStream(true).start();
      Recorder<String> output = readLines(cli);
      try (Writer input = new OutputStreamWriter(cli.getOutputStream(), StandardCharsets.UTF_8)) {
        type(input, Users.PASSWORD); // no console and no CHAT_PASSWORD: the first line

        output.await(line -> line.equals("* connected as " + name), "the session");
        type(input, "/join " + room);
        output.await(line -> line.equals("* joined " + room), "the join");
        type(input, "hello from the terminal");
        assertThat(bobsRoom.awaitText("hello from the terminal").user()).isEqualTo(name);
        await(bob.send(room, "hi terry"));
        output.await(line -> line.equals("[" + room + "] " + bob.session().user().name() + ": hi terry"),
            "bob's message");
        type(input, "/who");
        assertThat(output.await(line -> line.startsWith("* in " + room + ": "), "the list of who is in"))
            .contains(name, bob.session().user().name());
        type(input, "/leave " + room);
        output.await(line -> line.equals("* left " + room), "the leave");
        bobsRoom.presence.await(change -> change instanceof Presence.Left left && left.user().name().equals(name),
            "terry's departure");
      }
      assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the client ends with its input").isTrue();
      assertThat(cli.exitValue()).isZero();
      assertThat(output.all()).noneMatch(line -> line.contains(Users.PASSWORD));
    }
  }

  @Test
  void aWrongPasswordEndsWithAClearLine() throws Exception {
    String name = Users.unique("nobody"); // never registered: the same answer as a wrong password
    ProcessBuilder builder = new ProcessBuilder(java(), "-jar", System.getProperty("jchat.cli.jar"),
        "--url", server.url().toString(), "--user", name).redirectErrorStream(true);
    builder.environment().put("CHAT_PASSWORD", "not-the-password");
    Process cli = builder.start();
    Recorder<String> output = readLines(cli);

    assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).isEqualTo(1);
    assertThat(output.await(line -> line.startsWith("jchat: "), "the error")).startsWith("jchat: auth_failed");
  }

  private static void type(Writer input, String line) throws IOException {
    input.write(line + "\n");
    input.flush();
  }

  private static Recorder<String> readLines(Process process) {
    Recorder<String> lines = new Recorder<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        output.lines().forEach(lines::add);
      } catch (IOException e) {
        lines.add("(output ended: " + e + ")");
      }
    }, "cli-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
