package dev.jchat.core.account;

import dev.jchat.core.domain.ErrorCode;
import dev.jchat.core.domain.Outcome;
import dev.jchat.core.domain.StoredUser;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.PasswordHasher;
import dev.jchat.core.port.TokenService;
import dev.jchat.core.port.UserStore;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registration and login (PROTOCOL.md section 1), with failed-login throttling. Thread-safe. */
public final class AccountService {
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 128;

  private final UserStore users;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final Throttle failedLogins;
  private final Throttle registrations;
  private final HashingSlots hashing;
  /** Verified against when the user does not exist, so both failures cost the same time. */
  private final String decoyHash;

  /** A login's result: a session token for the user. */
  public record Issued(String token, User user) {
    @Override
    public String toString() {
      return "Issued[" + user + "]";
    }
  }

  public AccountService(UserStore users, PasswordHasher hasher, TokenService tokens, AccountLimits limits) {
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.failedLogins = limits.failedLogins();
    this.registrations = limits.registrations();
    this.hashing = new HashingSlots(limits.concurrentHashes(), limits.hashWait());
    this.decoyHash = hasher.hash("decoy-password-for-unknown-users");
  }

  /** Creates an account; each address may register a few a minute. */
  public Outcome<Issued> register(String username, String password, String clientAddress) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      return Outcome.refused(ErrorCode.INVALID_PAYLOAD, "usernames are 3 to 32 of A-Z, a-z, 0-9, _, . and -");
    }
    if (password == null || !hasValidLength(password)) {
      return Outcome.refused(ErrorCode.INVALID_PAYLOAD,
          "passwords are " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
    }
    String addressKey = "address:" + clientAddress;
    if (registrations.isBlocked(addressKey)) {
      return Outcome.refused(ErrorCode.RATE_LIMITED, "too many registrations from your address; wait a minute");
    }
    registrations.record(addressKey);
    return hashing.run(() -> Outcome.ok(hasher.hash(password))).then(hash -> {
      Optional<StoredUser> created = users.create(username, hash);
      if (created.isEmpty()) {
        return Outcome.refused(ErrorCode.CONFLICT, "that username is taken");
      }
      User user = created.get().user();
      return Outcome.ok(new Issued(tokens.issue(user), user));
    });
  }

  /** Checks the password; unknown users and wrong passwords fail alike, in similar time. */
  public Outcome<Issued> login(String username, String password, String clientAddress) {
    if (username == null || password == null) {
      return Outcome.refused(ErrorCode.INVALID_PAYLOAD, "username and password are required");
    }
    String userKey = "user:" + username.toLowerCase(Locale.ROOT);
    String addressKey = "address:" + clientAddress;
    if (failedLogins.isBlocked(userKey) || failedLogins.isBlocked(addressKey)) {
      return Outcome.refused(ErrorCode.RATE_LIMITED, "too many failed logins; wait a minute");
    }
    Optional<StoredUser> found = USERNAME.matcher(username).matches() ? users.findByName(username) : Optional.empty();
    return hashing.run(() -> Outcome.ok(hasher.verify(password, found.map(StoredUser::passwordHash).orElse(decoyHash))))
        .then(matches -> {
          if (found.isEmpty() || !matches) {
            failedLogins.record(userKey);
            failedLogins.record(addressKey);
            return Outcome.refused(ErrorCode.AUTH_FAILED, "wrong username or password");
          }
          User user = found.get().user();
          return Outcome.ok(new Issued(tokens.issue(user), user));
        });
  }

  /** The user of a valid session token (HTTP Bearer). */
  public Optional<User> authenticate(String token) {
    return tokens.verify(token).map(TokenService.Verified::user);
  }

  private static boolean hasValidLength(String password) {
    int length = password.codePointCount(0, password.length());
    return length >= MIN_PASSWORD && length <= MAX_PASSWORD;
  }
}
