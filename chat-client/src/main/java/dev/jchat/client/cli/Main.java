package dev.jchat.client.cli;

import dev.jchat.client.ChatClient;
import dev.jchat.client.ChatException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/** The terminal client: {@code java -jar jchat-cli.jar --url … --user …}. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n" + Options.USAGE);
      System.exit(2);
      return;
    }
    BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String password = password(input);
    AtomicReference<ChatClient> self = new AtomicReference<>();
    try (ChatClient client = ChatClient.builder(options.url())
        // a refused (expired) token is replaced by logging in again
        .tokenRefresher(() -> self.get().login(options.user(), password).token())
        .onConnectionState((state, session) -> out.println("* " + state.name().toLowerCase()
            + (session == null ? "" : " as " + session.user().name())))
        .build()) {
      self.set(client);
      if (options.register()) {
        client.register(options.user(), password);
      } else {
        client.login(options.user(), password);
      }
      client.connect().join();
      Terminal terminal = new Terminal(client, out);
      for (String room : options.rooms()) {
        terminal.run("/join " + room);
      }
      terminal.readFrom(input);
    } catch (ChatException e) {
      System.err.println("jchat: " + e.getMessage());
      System.exit(1);
    }
  }

  /** From CHAT_PASSWORD, the console without echo, or else the first line of input. */
  private static String password(BufferedReader input) {
    String fromEnvironment = System.getenv("CHAT_PASSWORD");
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console != null) {
      return new String(console.readPassword("password: "));
    }
    try {
      String line = input.readLine();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
