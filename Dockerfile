# Builds the runnable jar (the web page included) and runs it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN mvn -q -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/jchat jchat && mkdir -p /var/lib/jchat && chown jchat /var/lib/jchat
USER jchat
WORKDIR /var/lib/jchat
COPY --from=build /src/app/target/jchat-app.jar /opt/jchat/jchat-app.jar
ENV PORT=3000 CHAT_DATA_DIR=/var/lib/jchat/data
EXPOSE 3000
ENTRYPOINT ["java", "-jar", "/opt/jchat/jchat-app.jar"]
