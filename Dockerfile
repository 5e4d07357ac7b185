# One image per service, from the jar that `./mvnw -DskipTests package` builds:
#   docker build --build-arg SERVICE=query-api -t eventfold/query-api .
FROM eclipse-temurin:17-jre
ARG SERVICE
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/service.jar
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
