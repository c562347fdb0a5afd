package dev.eaw.web.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on our data directory by an earlier run whose JVM was killed: it still holds the
 * directory, so the new server could not start. It has no clients left, so it is asked to shut down first.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private LeftoverServer() {
	}

	static void stopIfRunning(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parse(lines.get(0)).flatMap(ProcessHandle::of);
		Optional<ProcessHandle> ours = server.filter(p -> p.info()
			.commandLine()
			.map(cmd -> cmd.contains("postgres") && cmd.contains(directory.toString()))
			.orElse(false));
		if (ours.isEmpty()) {
			return;
		}
		log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run", ours.get().pid(), directory);
		ours.get().destroy();
		try {
			ours.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IOException("The PostgreSQL server left on " + directory + " (pid " + ours.get().pid()
					+ ") did not stop; stop it by hand and start again", ex);
		}
	}

	private static Optional<Long> parse(String line) {
		try {
			return Optional.of(Long.parseLong(line.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
