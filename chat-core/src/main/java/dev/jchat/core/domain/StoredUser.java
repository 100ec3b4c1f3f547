package dev.jchat.core.domain;

/** A user with the Argon2id hash of the password; never leaves the server. */
public record StoredUser(User user, String passwordHash) {
  @Override
  public String toString() {
    return "StoredUser[" + user + "]";
  }
}
