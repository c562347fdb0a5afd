# Builds the application from source and runs it on a JRE. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-kernel shared-kernel
COPY insights-module insights-module
COPY mlops-module mlops-module
COPY docqa-module docqa-module
COPY web-ui web-ui
COPY benchmarks benchmarks
# The build stage runs on the image's own platform (linux/amd64 or linux/arm64), so the jar gets that platform's
# PostgreSQL binaries (web-ui's pg-linux-* profile); -P all-platforms would add the other five for nothing.
RUN ./mvnw -q -DskipTests -pl web-ui -am package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl tesseract-ocr tesseract-ocr-eng && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /app eaw
WORKDIR /app
COPY --from=build /src/web-ui/target/eaw.jar /app/eaw.jar
RUN mkdir -p /app/data && chown -R eaw /app
USER eaw
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/eaw.jar"]
