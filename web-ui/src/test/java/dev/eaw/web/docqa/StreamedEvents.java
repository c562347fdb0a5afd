package dev.eaw.web.docqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

/** The server-sent events of a streamed answer: their names in order, the tokens' texts, each name's last data. */
record StreamedEvents(List<String> names, List<String> tokens, Map<String, JsonNode> last) {

	private static final Pattern EVENT = Pattern.compile("event: (\\w+)\ndata: (.*)\n\n");

	static StreamedEvents of(String body) {
		List<String> names = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		Map<String, JsonNode> last = new LinkedHashMap<>();
		Matcher matcher = EVENT.matcher(body);
		while (matcher.find()) {
			JsonNode data = Http.JSON.readTree(matcher.group(2));
			names.add(matcher.group(1));
			last.put(matcher.group(1), data);
			if (matcher.group(1).equals("token")) {
				tokens.add(data.path("text").asString());
			}
		}
		return new StreamedEvents(names, tokens, last);
	}

}
