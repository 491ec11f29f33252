# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY feeds feeds
RUN mvn -q -B -DskipTests package

# Run stage: a JRE, a non-root user, the database on a volume.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app khulasa \
    && mkdir -p /app /data && chown khulasa /data
WORKDIR /app
COPY --from=build /src/target/khulasa.jar /app/khulasa.jar
USER khulasa
ENV KHULASA_DATA=/data \
    KHULASA_PORT=8080
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/khulasa.jar"]
