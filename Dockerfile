# The chat server's image: builds the runnable jar (the web page included) with the README's build
# command, then runs it on a JRE as a user without privileges.

# The web client's build (Vite 8) needs Node 20.19 or later, newer than Ubuntu's nodejs package.
FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY . .
RUN mvn -q package -DskipTests

FROM eclipse-temurin:17-jre
# The data folder exists in the image and belongs to jchat, so a volume mounted there is writable.
RUN useradd --system --home /var/lib/jchat jchat && mkdir -p /var/lib/jchat/data && chown -R jchat /var/lib/jchat
USER jchat
WORKDIR /var/lib/jchat
COPY --from=build /src/app/target/jchat-app.jar /opt/jchat/jchat-app.jar
ENV PORT=3000 CHAT_DATA_DIR=/var/lib/jchat/data
EXPOSE 3000
# GET /health over bash's /dev/tcp: the JRE image has neither curl nor wget.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/$PORT && printf "GET /health HTTP/1.0\r\n\r\n" >&3 && read -r -t 4 _ status _ <&3 && [ "$status" = 200 ]'
# The heap is half the container's memory limit (set one: docker run --memory, or compose's
# mem_limit); the other half is for thread stacks, direct buffers, metaspace and the JIT.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/opt/jchat/jchat-app.jar"]
