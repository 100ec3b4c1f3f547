package dev.jchat.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Without CHAT_JWT_SECRET the app signs tokens with a random secret generated once and kept in the
 * data folder (readable by the owner only), so tokens stay valid across restarts.
 */
final class JwtSecretFile {
  private static final String NAME = "jwt-secret";

  private JwtSecretFile() {
  }

  static byte[] loadOrCreate(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    try {
      Files.createDirectories(dataDir);
      if (!Files.exists(file)) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(secret));
        } catch (FileAlreadyExistsException raced) {
          // another instance on the same folder created it first: use theirs
        }
      }
      return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the JWT secret in " + file, e);
    }
  }
}
