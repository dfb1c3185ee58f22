# syntax=docker/dockerfile:1
# Build stage: compile and package the service (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Run stage: a JRE, the jar, the policy package and the source document it cites.
# JVM options as measured in docs/benchmarks.md and used in deploy/kubernetes.yaml.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin advisor
WORKDIR /app
COPY --from=build /src/target/policy-advisor.jar /app/policy-advisor.jar
COPY rules /app/rules
COPY seeds /app/seeds
# The embedded records database lives here unless DATABASE_URL names PostgreSQL; mount a volume to keep it.
RUN mkdir -p /app/data && chown 10001:10001 /app/data
USER 10001
ENV PORT=8080 \
    RULES_DIR=/app/rules \
    DATA_DIR=/app/data \
    JAVA_TOOL_OPTIONS="-XX:+UseParallelGC -XX:MaxRAMPercentage=37.5 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# Ready means a checked ruleset is serving, not merely that the process is up.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/ready" >/dev/null || exit 1
ENTRYPOINT ["java", "-jar", "/app/policy-advisor.jar"]
