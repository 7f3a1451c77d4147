# Build with the project's own wrapper, then run the jar on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package

# The jar targets Java 17 and runs on 25, whose AOT cache halves the start-up.
FROM eclipse-temurin:25-jre
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/* \
	&& useradd --system --create-home --uid 10001 app
WORKDIR /app
# Extracted (the layout class data sharing needs), then one training start that stops
# once the context is ready and writes the classes it loaded to app.aot.
# Keep JVM_OPTIONS the same in training and at run time, or the cache may go unused.
ENV JVM_OPTIONS="-XX:+UseSerialGC -Xmx128m -Xss512k -XX:+UseCompactObjectHeaders -XX:TrimNativeHeapInterval=5000"
RUN --mount=type=bind,from=build,source=/src/target,target=/build \
	java -Djarmode=tools -jar /build/login-service.jar extract --destination /app \
	&& cd /tmp \
	&& java $JVM_OPTIONS -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
		-jar /app/login-service.jar --server.port=0 --management.server.port=0 \
	&& rm -rf /tmp/data
# The H2 database lives in ./data: keep it on a volume so it outlives the container.
RUN mkdir data && chown app:app data
VOLUME /app/data
USER app
# Health and metrics are on 9000, left unexposed: publish it only to whoever checks or scrapes.
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD curl -fsS http://127.0.0.1:9000/actuator/health/liveness || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JVM_OPTIONS -XX:AOTCache=/app/app.aot -jar /app/login-service.jar \"$@\"", "login-service"]
