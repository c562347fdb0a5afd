package dev.eaw.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and bare {@code --switch} flags. */
final class Flags {

	private final Map<String, String> values = new HashMap<>();

	Flags(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + args[i] + "': flags look like --name value");
			}
			String name = args[i].substring(2);
			boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
			values.put(name, hasValue ? args[++i] : "true");
		}
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	String get(String name, String otherwise) {
		return values.getOrDefault(name, otherwise);
	}

	String required(String name) {
		String value = values.get(name);
		if (value == null || value.equals("true")) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	int integer(String name, int otherwise) {
		return has(name) ? Integer.parseInt(values.get(name)) : otherwise;
	}

	/** {@code --url} of the running application (default http://localhost:8080); only loopback addresses. */
	java.net.URI appUrl() {
		java.net.URI url = java.net.URI.create(get("url", "http://localhost:8080"));
		String host = String.valueOf(url.getHost());
		if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
			throw new IllegalArgumentException("--url must be a loopback address");
		}
		return url;
	}

	/** An HTTP Basic Authorization header from {@code --user} and {@code --password}. */
	String basicAuthorization() {
		String pair = required("user") + ":" + required("password");
		return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** A path that must exist, e.g. data under {@code ../shared/data}. */
	Path existing(String name) {
		Path path = Path.of(required(name));
		if (!Files.exists(path)) {
			throw new IllegalArgumentException("--" + name + ": " + path.toAbsolutePath() + " does not exist");
		}
		return path;
	}

}
