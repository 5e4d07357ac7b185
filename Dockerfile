# One image per service, from what `./mvnw -DskipTests package` builds: the service unpacked into
# target/extracted/ (its libraries in lib/, a layer that changes less often than the service's own jar).
#   docker build --build-arg SERVICE=query-api -t eventfold/query-api .
FROM eclipse-temurin:17-jre
ARG SERVICE
COPY ${SERVICE}/target/extracted/lib /app/lib
# The jar's manifest names its libraries relative to itself (lib/…), so it may be renamed.
COPY ${SERVICE}/target/extracted/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
# Out of memory, the service ends (and is restarted) rather than running on half-dead.
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/service.jar"]
