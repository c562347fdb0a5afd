package dev.eaw.mlops.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.eaw.mlops.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A dataset input's tags as the JSON array {@code [{"key": …, "value": …}]} stored beside it. */
final class InputTags {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private InputTags() {
	}

	static String write(List<Tag> tags) {
		return JSON.writeValueAsString(tags.stream().map(t -> Map.of("key", t.key(), "value", t.value())).toList());
	}

	static List<Tag> read(String json) {
		List<Tag> tags = new ArrayList<>();
		for (JsonNode tag : JSON.readTree(json)) {
			tags.add(new Tag(tag.path("key").asString(), tag.path("value").asString()));
		}
		return tags;
	}

}
