# syntax=docker/dockerfile:1
# Homeward production image: build the jar with Maven, run it on a JRE as a non-root user.
#
#   docker build -t homeward .
#   docker run -p 8080:8080 -e MYSQL_URL=... -e MYSQL_USER=... -e MYSQL_PASSWORD=... homeward
#
# All configuration comes from environment variables (profile "mysql" is on by default):
#   MYSQL_URL                   JDBC URL, e.g. jdbc:mysql://db:3306/homeward
#   MYSQL_USER, MYSQL_PASSWORD  database account
#   SMTP_HOST, SMTP_PORT        mail relay for invitations, reminders and password resets
#   SMTP_USERNAME, SMTP_PASSWORD  relay credentials (leave empty for an open relay)
#   SMTP_FROM                   sender address, e.g. "Homeward <no-reply@example.org>"
#   HOMEWARD_BASE_URL           public address used in email links, e.g. https://homeward.example.org
#   HOMEWARD_OPERATOR_EMAIL     platform operator account, created at start-up
#   HOMEWARD_OPERATOR_PASSWORD  its password (pass it as a secret, never bake it into the image)
#   HOMEWARD_SECOND_FACTOR_KEY  32 random bytes, base64 (openssl rand -base64 32): encrypts authenticator secrets
#   HOMEWARD_AUDIT_EMAIL_KEY    32 random bytes, base64: keys the audit trail's hash of unknown sign-in emails
#   HOMEWARD_TRUSTED_PROXIES    IPs/CIDRs of the reverse proxy or load balancer in front (comma-separated);
#                               only their X-Forwarded-For/-Proto are believed. Empty: nobody's.
#   HOMEWARD_TLS=true           when users reach Homeward over HTTPS: Secure, __Host- session cookie
#   MANAGEMENT_PORT             optional port for /actuator/* only (Prometheus scrapes /actuator/prometheus
#                               there); it listens on MANAGEMENT_ADDRESS, 127.0.0.1 unless changed
# Optional: HOMEWARD_DB_PRODUCT_NAME / _PRODUCT_VERSION / _MAJOR_VERSION / _MINOR_VERSION
# (e.g. MariaDB / 10.11 / 10 / 11) when the
# database is MariaDB, so Hibernate picks the right dialect; SERVER_PORT (default 8080).

# ---- build stage ---------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /build
# Dependencies first, in their own layer: it is rebuilt only when pom.xml changes.
COPY pom.xml .
# Best effort: some plugin dependencies are resolved only during the real build, so a failure
# here must not stop the image build.
RUN mvn -B dependency:go-offline || true
COPY src ./src
COPY frontend ./frontend
COPY tenants ./tenants
# Same build as the README's "mvn package"; the tests run in CI (.ci/run), not here.
RUN mvn -B -DskipTests package

# ---- run stage -----------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre
# The JRE 25 images no longer ship curl; the HEALTHCHECK below needs it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# Fixed, high uid/gid so file ownership is predictable on mounted volumes and never clashes with
# a host user; no home directory and no login shell.
RUN groupadd --system --gid 10001 homeward \
    && useradd --system --uid 10001 --gid homeward --no-create-home --shell /usr/sbin/nologin homeward
WORKDIR /app
COPY --from=build /build/target/homeward.jar /app/app.jar
# Clinic definitions read at start-up (homeward.tenants.directory defaults to ./tenants).
COPY tenants/ /app/tenants/
USER homeward
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=mysql
# Size the heap from the container's memory limit instead of the host's memory. Compact object headers
# (a product option since Java 25) hold each open session in about 10 % less heap (BENCHMARKS.md, session memory).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseCompactObjectHeaders"
# Give Spring Boot a minute to migrate the database and start before failures count.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
