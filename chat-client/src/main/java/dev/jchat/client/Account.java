package dev.jchat.client;

/** What registering or logging in gives: a token for the chat and the user it stands for. */
public record Account(String token, User user) {
  @Override
  public String toString() {
    return "Account[user=" + user + "]"; // never the token
  }
}
