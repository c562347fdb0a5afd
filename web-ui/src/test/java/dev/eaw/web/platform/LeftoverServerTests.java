package dev.eaw.web.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock files of a killed postmaster are removed before a restart, and only those. */
class LeftoverServerTests {

	@TempDir
	Path directory;

	@Test
	void theLockFilesOfAStoppedPostmasterAreRemoved() throws Exception {
		long dead = exitedProcess();
		Files.writeString(directory.resolve("postmaster.pid"), dead + "\n" + directory + "\n");
		Files.writeString(directory.resolve(".s.PGSQL.54999.lock"), dead + "\n");
		Files.writeString(directory.resolve(".s.PGSQL.54999"), "");

		LeftoverServer.clearAfterCrash(directory, dead, 54999);

		assertThat(directory.resolve("postmaster.pid")).doesNotExist();
		assertThat(directory.resolve(".s.PGSQL.54999.lock")).doesNotExist();
		assertThat(directory.resolve(".s.PGSQL.54999")).doesNotExist();
		assertThat(LeftoverServer.running(dead)).isFalse();
	}

	@Test
	void lockFilesOfAnotherServerStay() throws Exception {
		long dead = exitedProcess();
		long other = ProcessHandle.current().pid();
		Files.writeString(directory.resolve("postmaster.pid"), other + "\n");
		Files.writeString(directory.resolve(".s.PGSQL.54998.lock"), other + "\n");

		LeftoverServer.clearAfterCrash(directory, dead, 54998);

		assertThat(directory.resolve("postmaster.pid")).exists();
		assertThat(directory.resolve(".s.PGSQL.54998.lock")).exists();
		assertThat(LeftoverServer.pid(directory)).contains(other);
		assertThat(LeftoverServer.running(other)).isTrue();
	}

	private static long exitedProcess() throws Exception {
		Process process = new ProcessBuilder("true").start();
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		return process.pid();
	}

}
