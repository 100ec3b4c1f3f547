package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jchat.core.chat.ChatSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as a real compose parser reads it ({@code docker-compose --profile scale config},
 * Debian's docker-compose) with no variable set: the three services of the default stack, the four the
 * {@code scale} profile adds (Redis, two backends, nginx), their ports, health checks, volumes and start
 * order. No Docker engine runs here, so nothing is started.
 */
class ComposeFileTest {
  private static Map<String, Object> config;

  /** A mount as compose prints it: {@code source:target[:mode]}, or {@code target} alone for an anonymous volume. */
  private record Mount(String source, String target) {
    static Mount of(Object printed) {
      if (printed instanceof Map<?, ?> longSyntax) { // what docker compose v2 prints
        return new Mount((String) longSyntax.get("source"), (String) longSyntax.get("target"));
      }
      String[] parts = ((String) printed).split(":");
      return parts.length == 1 ? new Mount(null, parts[0]) : new Mount(parts[0], parts[1]);
    }
  }

  @BeforeAll
  static void readThroughDockerCompose(@TempDir Path scratch) throws Exception {
    CiRequirement.assumeAvailable(dockerComposeMissing());
    File errors = scratch.resolve("stderr").toFile();
    ProcessBuilder builder = new ProcessBuilder("docker-compose", "--file",
        Repository.file("docker-compose.yml").toString(), "--profile", "scale", "config")
        .directory(Repository.ROOT.toFile()).redirectError(errors);
    builder.environment().keySet().removeIf(name -> !name.equals("PATH")); // not one variable of the stack set
    Process compose = builder.start();
    String printed = new String(compose.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(compose.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(compose.exitValue()).as(Files.readString(errors.toPath())).isZero();
    config = new Yaml().load(printed);
  }

  private static Optional<String> dockerComposeMissing() throws InterruptedException {
    try {
      Process version = new ProcessBuilder("docker-compose", "version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor() == 0 ? Optional.empty() : Optional.of("docker-compose version failed");
    } catch (IOException e) {
      return Optional.of("docker-compose is not installed (Debian: apt-get install docker-compose)");
    }
  }

  @Test
  void the_stack_is_the_backend_the_frontend_and_postgresql_and_the_scale_profile_adds_redis_two_backends_and_nginx() {
    assertThat(map(config, "services"))
        .containsOnlyKeys("backend", "frontend", "postgres", "redis", "backend-a", "backend-b", "lb");
    for (String always : List.of("backend", "frontend", "postgres")) {
      assertThat(service(always)).as(always).doesNotContainKey("profiles");
    }
    for (String scaled : List.of("redis", "backend-a", "backend-b", "lb")) {
      assertThat(list(service(scaled), "profiles")).as(scaled).isEqualTo(List.of("scale"));
    }
  }

  @Test
  void redis_has_a_health_check_and_keeps_nothing_on_disk() {
    Map<String, Object> redis = service("redis");
    assertThat(list(map(redis, "healthcheck"), "test")).asString().contains("redis-cli", "ping");
    assertThat(redis.get("command").toString()).contains("--save", "--appendonly");
  }

  @Test
  void the_scaled_backends_are_alike_on_the_same_postgresql_and_redis_and_must_be_given_the_jwt_secret() {
    Map<String, Object> first = service("backend-a");
    assertThat(service("backend-b")).isEqualTo(first);
    assertThat(map(first, "build")).containsEntry("context", Repository.ROOT.toString());
    Map<String, Object> environment = map(first, "environment");
    assertThat(environment).containsEntry("CHAT_REDIS_URL", "redis://redis:6379")
        .containsEntry("CHAT_DB_URL", map(service("backend"), "environment").get("CHAT_DB_URL"));
    assertThat(environment.get("CHAT_JWT_SECRET")).as("unset: the backends refuse to start until it is set")
        .isEqualTo("");
    assertThat(map(map(first, "depends_on"), "redis")).containsEntry("condition", "service_healthy");
    assertThat(map(map(first, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
  }

  @Test
  void nginx_balances_both_backends_passing_websocket_upgrades_with_a_read_timeout_above_the_ping_interval()
      throws Exception {
    Map<String, Object> balancer = service("lb");
    assertThat((String) balancer.get("image")).startsWith("nginx:");
    assertThat(ports(balancer)).contains("8080:80");
    assertThat(mounts(balancer)).contains(
        new Mount(Repository.file("deploy/nginx.conf").toString(), "/etc/nginx/conf.d/default.conf"));
    assertThat(map(map(balancer, "depends_on"), "backend-a")).containsEntry("condition", "service_healthy");
    assertThat(map(map(balancer, "depends_on"), "backend-b")).containsEntry("condition", "service_healthy");

    String nginx = Files.readString(Repository.file("deploy/nginx.conf"));
    assertThat(nginx).contains("server backend-a:3000;", "server backend-b:3000;", "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;", "proxy_set_header Connection $connection_upgrade;");
    Matcher readTimeout = Pattern.compile("proxy_read_timeout (\\d+)s;").matcher(nginx);
    assertThat(readTimeout.find()).as("a proxy_read_timeout in seconds").isTrue();
    assertThat(Duration.ofSeconds(Long.parseLong(readTimeout.group(1))))
        .isGreaterThan(ChatSettings.defaults().timeouts().pingInterval());
  }

  @Test
  void the_backend_is_the_image_of_this_repository_on_postgresql_with_its_data_in_a_volume() throws Exception {
    Map<String, Object> backend = service("backend");
    assertThat(map(backend, "build")).containsEntry("context", Repository.ROOT.toString());
    assertThat(ports(backend)).contains("3000:3000");
    Map<String, Object> environment = map(backend, "environment");
    assertThat((String) environment.get("CHAT_DB_URL")).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(environment.get("CHAT_JWT_SECRET")).as("unset: generated once, kept in the data volume").isEqualTo("");
    String dataDir = Dockerfile.read().environment().get("CHAT_DATA_DIR");
    assertThat(namedVolumes(backend)).contains(dataDir);
    assertThat(backend).containsKey("mem_limit");
    assertThat(map(map(backend, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
  }

  @Test
  void the_frontend_is_the_vite_dev_server_on_the_mounted_sources_proxying_to_the_backend() throws Exception {
    Map<String, Object> frontend = service("frontend");
    assertThat(ports(frontend)).contains("5173:5173");
    assertThat(frontend.get("command").toString()).contains("npm run dev").contains("--host 0.0.0.0");
    List<Mount> mounts = mounts(frontend);
    assertThat(mounts).contains(new Mount(Repository.file("frontend").toString(), "/app"),
        new Mount(null, "/app/node_modules"));
    assertThat(frontend.get("working_dir")).isEqualTo("/app");
    assertThat(map(frontend, "environment")).containsEntry("VITE_API_URL", "http://backend:3000");
    assertThat(Files.readString(Repository.file("frontend/vite.config.ts")))
        .as("the dev server's proxy target").contains("process.env.VITE_API_URL");
    assertThat(map(map(frontend, "depends_on"), "backend")).containsEntry("condition", "service_healthy");
  }

  @Test
  void postgresql_has_a_health_check_the_backend_credentials_and_its_data_in_a_volume() {
    Map<String, Object> postgres = service("postgres");
    assertThat(list(map(postgres, "healthcheck"), "test")).anyMatch(part -> part.toString().contains("pg_isready"));
    assertThat(namedVolumes(postgres)).contains("/var/lib/postgresql/data");
    Map<String, Object> database = map(postgres, "environment");
    Map<String, Object> backend = map(service("backend"), "environment");
    assertThat(database.get("POSTGRES_USER")).isEqualTo(backend.get("CHAT_DB_USER"));
    assertThat(database.get("POSTGRES_PASSWORD")).isEqualTo(backend.get("CHAT_DB_PASSWORD"));
    assertThat((String) backend.get("CHAT_DB_URL")).endsWith("/" + database.get("POSTGRES_DB"));
  }

  private static Map<String, Object> service(String name) {
    return map(map(config, "services"), name);
  }

  /** Published and target port of each mapping, as {@code "3000:3000"}. */
  private static List<String> ports(Map<String, Object> service) {
    return list(service, "ports").stream()
        .map(port -> (Map<?, ?>) port)
        .map(port -> port.get("published") + ":" + port.get("target"))
        .toList();
  }

  private static List<Mount> mounts(Map<String, Object> service) {
    return list(service, "volumes").stream().map(Mount::of).toList();
  }

  /** Where the service mounts volumes that the file declares at its top level. */
  private static List<String> namedVolumes(Map<String, Object> service) {
    Map<String, Object> declared = map(config, "volumes");
    return mounts(service).stream().filter(mount -> declared.containsKey(mount.source())).map(Mount::target).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (Map<String, Object>) parent.get(key);
  }

  private static List<?> list(Map<String, Object> parent, String key) {
    assertThat(parent).containsKey(key);
    return (List<?>) parent.get(key);
  }
}
