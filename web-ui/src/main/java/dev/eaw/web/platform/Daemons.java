package dev.eaw.web.platform;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Threads of the platform's own background checks, which never keep the JVM alive. */
final class Daemons {

	private Daemons() {
	}

	static ThreadFactory named(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
		threads.setDaemon(true);
		return threads;
	}

}
