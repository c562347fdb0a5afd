package dev.eaw.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message key a template names exists, and templates show no text of their own outside th:text. */
class MessagesTests {

	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.-]*)[}(]");

	@Test
	void everyKeyUsedInATemplateIsDefined() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		List<String> missing = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(messages).containsKeys("role.VIEWER", "role.ANALYST", "role.ADMIN");
		for (String module : new String[] { "insights", "mlops", "docqa" }) {
			assertThat(messages).containsKeys(module + ".title", module + ".description");
		}
	}

}
