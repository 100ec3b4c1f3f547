package dev.jchat.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.jchat.core.port.PasswordHasher;

/**
 * Argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane). The encoded hash carries
 * its own salt and parameters, so stronger settings later still verify old hashes.
 */
public final class Argon2PasswordHasher implements PasswordHasher {
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int HASH_BYTES = 32;

  private final Argon2Function argon2 =
      Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);

  @Override
  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
  }

  @Override
  public boolean verify(String password, String hash) {
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
