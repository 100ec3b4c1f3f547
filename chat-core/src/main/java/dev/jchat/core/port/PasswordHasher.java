package dev.jchat.core.port;

/** Slow, salted password hashing (Argon2id). Thread-safe; CPU-bound by design. */
public interface PasswordHasher {

  String hash(String password);

  /** True when the password matches; takes as long for a wrong password as for a right one. */
  boolean verify(String password, String hash);
}
