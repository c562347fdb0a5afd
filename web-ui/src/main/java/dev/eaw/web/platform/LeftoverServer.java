package dev.eaw.web.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PostgreSQL server leaves on our data directory when it did not stop cleanly. A server left running by an
 * earlier run whose JVM was killed still holds the directory, so the new server could not start; it has no clients
 * left, so it is asked to shut down first. A postmaster that was killed leaves its lock files behind, which are
 * removed before it is started again.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	private static final String PID_FILE = "postmaster.pid";

	private LeftoverServer() {
	}

	static void stopIfRunning(Path directory) throws IOException {
		Optional<ProcessHandle> ours = pid(directory).flatMap(pid -> ours(directory, pid));
		if (ours.isEmpty()) {
			return;
		}
		log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier run", ours.get().pid(), directory);
		ours.get().destroy();
		if (!awaitExit(ours.get(), Duration.ofSeconds(30))) {
			throw new IOException("The PostgreSQL server left on " + directory + " (pid " + ours.get().pid()
					+ ") did not stop; stop it by hand and start again");
		}
	}

	/** The postmaster's process id from {@code postmaster.pid}, if the file is there. */
	static Optional<Long> pid(Path directory) throws IOException {
		return firstLine(directory.resolve(PID_FILE)).flatMap(LeftoverServer::parse);
	}

	/**
	 * Whether a process runs under this id. A killed postmaster that nobody has reaped yet (a zombie, which Java
	 * still reports alive) does not count; on systems without {@code /proc} Java's answer is all there is.
	 */
	static boolean running(long pid) {
		if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			char state = stat.charAt(stat.lastIndexOf(')') + 2);
			return state != 'Z' && state != 'X';
		}
		catch (NoSuchFileException ex) {
			return !Files.isDirectory(Path.of("/proc/self"));
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	/** Makes sure a postmaster that no longer serves (killed, hung without its port) is gone. */
	static void kill(Path directory, long pid) {
		ours(directory, pid).ifPresent(server -> {
			log.warn("Killing PostgreSQL postmaster {} on {}, which no longer serves", pid, directory);
			server.destroyForcibly();
			awaitExit(server, Duration.ofSeconds(10));
		});
	}

	/**
	 * Removes the lock files of a killed postmaster: {@code postmaster.pid} in the data directory and the Unix
	 * socket's {@code .s.PGSQL.<port>.lock} (in the temporary directory or the data directory), each only if it still
	 * names that postmaster and nothing runs under its process id.
	 */
	static void clearAfterCrash(Path directory, long pid, int port) throws IOException {
		if (running(pid) && ours(directory, pid).isPresent()) {
			return;
		}
		removeIfOwnedBy(directory.resolve(PID_FILE), pid);
		String socket = ".s.PGSQL." + port;
		for (Path folder : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"), directory)) {
			if (removeIfOwnedBy(folder.resolve(socket + ".lock"), pid)) {
				Files.deleteIfExists(folder.resolve(socket));
			}
		}
	}

	private static boolean removeIfOwnedBy(Path lockFile, long pid) throws IOException {
		if (firstLine(lockFile).flatMap(LeftoverServer::parse).filter(owner -> owner == pid).isEmpty()) {
			return false;
		}
		log.info("Removing {} left by the stopped PostgreSQL server (pid {})", lockFile, pid);
		return Files.deleteIfExists(lockFile);
	}

	/** The process, if it runs and is a PostgreSQL server on this directory (a reused process id is left alone). */
	private static Optional<ProcessHandle> ours(Path directory, long pid) {
		return ProcessHandle.of(pid)
			.filter(p -> p.info()
				.commandLine()
				.map(cmd -> cmd.contains("postgres") && cmd.contains(directory.toString()))
				.orElse(false));
	}

	private static boolean awaitExit(ProcessHandle process, Duration patience) {
		try {
			process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	private static Optional<String> firstLine(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (var lines = Files.lines(file)) {
			return lines.findFirst();
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
