package dev.jchat.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.jchat.core.domain.User;
import dev.jchat.core.port.Clock;
import dev.jchat.core.port.TokenService;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * HS256 JWTs with {@code sub} (user id), {@code name}, {@code iat} and {@code exp}. The verifier
 * requires HS256 with our secret, so {@code alg:none} and forged tokens fail. Instances that share
 * the secret accept each other's tokens.
 */
public final class JwtTokenService implements TokenService {
  private static final int MIN_SECRET_BYTES = 32;

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Clock clock;
  private final Duration lifetime;

  public JwtTokenService(byte[] secret, Duration lifetime, Clock clock) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("the JWT secret must hold at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.algorithm = Algorithm.HMAC256(secret);
    this.clock = clock;
    this.lifetime = lifetime;
    this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).acceptLeeway(0))
        .build(new JavaClock(clock));
  }

  /** java-jwt checks expiry against a java.time.Clock; this one reads ours, so tests control it. */
  private static final class JavaClock extends java.time.Clock {
    private final Clock clock;

    JavaClock(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Instant instant() {
      return clock.now();
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Override
  public String issue(User user) {
    Instant now = clock.now();
    return JWT.create()
        .withSubject(Long.toString(user.id()))
        .withClaim("name", user.name())
        .withIssuedAt(now)
        .withExpiresAt(now.plus(lifetime))
        .sign(algorithm);
  }

  @Override
  public Optional<Verified> verify(String token) {
    try {
      DecodedJWT jwt = verifier.verify(token);
      String name = jwt.getClaim("name").asString();
      Instant expiresAt = jwt.getExpiresAtAsInstant();
      if (jwt.getSubject() == null || name == null || expiresAt == null) {
        return Optional.empty();
      }
      return Optional.of(new Verified(new User(Long.parseLong(jwt.getSubject()), name), expiresAt));
    } catch (JWTVerificationException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
