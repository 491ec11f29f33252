# syntax=docker/dockerfile:1
# Khulasa's image: a build stage that packages the jar, and a JRE stage that runs it as a user
# of its own with the database on a volume. BuildKit (Docker 23 or later) is needed for the
# cache mount below.
#
# Base images are pinned to full version tags (Docker Hub's official lists of August 2026). To
# pin their digests too, resolve them where a registry is reachable and append them:
#   docker buildx imagetools inspect maven:3.9.16-eclipse-temurin-17-noble
#   docker buildx imagetools inspect eclipse-temurin:17.0.20_8-jre-noble
#   → --build-arg BUILD_IMAGE=maven:3.9.16-eclipse-temurin-17-noble@sha256:…
ARG BUILD_IMAGE=maven:3.9.16-eclipse-temurin-17-noble
ARG RUN_IMAGE=eclipse-temurin:17.0.20_8-jre-noble

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY feeds feeds
# Maven's repository is a build cache: the first build downloads every dependency and plugin the
# package phase runs (dependency:go-offline missed some of the plugins' own), later builds
# reuse them, and none of it lands in an image layer.
RUN --mount=type=cache,target=/root/.m2 mvn -q -B -DskipTests package

FROM ${RUN_IMAGE}
# Keep VERSION equal to pom.xml's <version> (DockerfileTest checks); give the others when building:
#   docker build --build-arg REVISION=$(git rev-parse HEAD) --build-arg SOURCE_URL=https://… -t khulasa .
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG SOURCE_URL=unknown
# No licence is chosen yet: SPDX's word for "not stated".
ARG LICENSE=NOASSERTION
LABEL org.opencontainers.image.title="Khulasa" \
      org.opencontainers.image.description="Right-to-left Arabic RSS and Atom feeds for news publishers" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.licenses="${LICENSE}"

# uid/gid 10001: a bind-mounted /data must be writable by it (chown 10001:10001 on the host).
RUN groupadd --system --gid 10001 khulasa \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app khulasa \
    && mkdir -p /app /data && chown 10001:10001 /data
WORKDIR /app
COPY --from=build /src/target/khulasa.jar /app/khulasa.jar
USER 10001:10001

# The heap follows the container's memory limit (75 % of it, the rest for metaspace, threads,
# SQLite and the page cache); replace JAVA_OPTS to change either.
ENV KHULASA_DATA=/data \
    KHULASA_PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/data"]
EXPOSE 8080

# The JRE image has no curl: the jar asks /health itself. A small, quick JVM for it.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", "/app/khulasa.jar", "--health-check"]

# sh expands JAVA_OPTS, then exec makes java PID 1, so docker stop's SIGTERM reaches it and the
# server shuts down gracefully. Arguments of docker run (--sample, …) follow the jar.
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /app/khulasa.jar \"$@\"", "khulasa"]
