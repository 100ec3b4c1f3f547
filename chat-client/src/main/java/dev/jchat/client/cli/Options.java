package dev.jchat.client.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The command line: {@code --url URL --user NAME [--register] [--join ROOM]…}. */
record Options(URI url, String user, boolean register, List<String> rooms) {
  static final String USAGE = """
      usage: java -jar jchat-cli.jar --url http://localhost:3000 --user NAME [--register] [--join ROOM]...
        The password comes from CHAT_PASSWORD, else it is asked for (or read as the first line of input).
        Then each line is sent to the current room (the last joined), except:
          /join ROOM   join a room and make it the current one
          /leave ROOM  leave a room
          /who         who is in the current room
          /quit        leave (so does the end of input)""";

  static Options parse(String... args) {
    URI url = null;
    String user = null;
    boolean register = false;
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = URI.create(value(args, ++i));
        case "--user" -> user = value(args, ++i);
        case "--join" -> rooms.add(value(args, ++i));
        case "--register" -> register = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (url == null || user == null) {
      throw new IllegalArgumentException("--url and --user are needed");
    }
    return new Options(url, user, register, List.copyOf(rooms));
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }
}
