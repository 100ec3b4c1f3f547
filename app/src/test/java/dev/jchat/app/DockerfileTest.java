package dev.jchat.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The image's recipe. That its health check answers for a running server: ImageHealthCheckIT. */
class DockerfileTest {

  @Test
  void builds_in_a_stage_of_its_own_with_the_readme_build_command() throws Exception {
    Dockerfile dockerfile = Dockerfile.read();
    assertThat(dockerfile.all("FROM")).anyMatch(from -> from.endsWith(" AS build"));
    assertThat(dockerfile.all("RUN")).contains(Repository.readmeBuildCommand());
    assertThat(dockerfile.last("FROM")).as("the image runs on a JRE").endsWith("-jre");
    assertThat(dockerfile.all("COPY")).contains("--from=build /src/app/target/jchat-app.jar /opt/jchat/jchat-app.jar");
  }

  @Test
  void runs_the_jar_as_a_user_without_privileges_with_a_heap_sized_from_the_container() throws Exception {
    Dockerfile dockerfile = Dockerfile.read();
    assertThat(dockerfile.last("USER")).isNotIn("root", "0");
    assertThat(dockerfile.last("ENTRYPOINT")).startsWith("[\"java\", ").containsPattern("\"-XX:MaxRAMPercentage=\\d+\"")
        .endsWith("\"-jar\", \"/opt/jchat/jchat-app.jar\"]");
    assertThat(dockerfile.environment()).containsEntry("PORT", "3000").containsKey("CHAT_DATA_DIR");
  }

  @Test
  void checks_its_health_on_the_health_endpoint() throws Exception {
    assertThat(Dockerfile.read().healthCheckCommand()).contains("GET /health ").contains("$PORT");
  }
}
