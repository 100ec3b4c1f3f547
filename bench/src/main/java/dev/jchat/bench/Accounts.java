package dev.jchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers the users the clients log in as, over the HTTP API. Registration hashes a password with
 * Argon2id (tens of milliseconds of server CPU each), so runs share one user among several
 * connections ({@code --per-user}, at most the server's cap of 20) and register a few at a time.
 */
final class Accounts {
  private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final String PASSWORD = "bench-password-1";

  private Accounts() {
  }

  /** One token per user, users named {@code <prefix><n>}; fails if any registration fails. */
  static List<String> register(String baseUrl, String prefix, int users, int parallel, Duration timeout) {
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      List<Future<String>> tokens = new ArrayList<>();
      for (int i = 0; i < users; i++) {
        String name = prefix + i;
        tokens.add(pool.submit(() -> register(http, baseUrl, name)));
      }
      List<String> result = new ArrayList<>();
      for (Future<String> token : tokens) {
        result.add(token.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      }
      return result;
    } catch (TimeoutException e) {
      throw new IllegalStateException("registering " + users + " users took over " + timeout.toSeconds() + " s");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("registration failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A user prefix that no earlier run used: {@code b<base36 seconds>_}. */
  static String freshPrefix() {
    return "b" + Long.toString(System.currentTimeMillis() / 1000 % 2_000_000_000L, 36) + "_";
  }

  private static String register(HttpClient http, String baseUrl, String name)
      throws IOException, InterruptedException {
    String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/register"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 409) {
      response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/login"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
    Matcher token = TOKEN.matcher(response.body());
    if (response.statusCode() / 100 != 2 || !token.find()) {
      throw new IllegalStateException("user " + name + ": " + response.statusCode() + " " + response.body());
    }
    return token.group(1);
  }
}
