package dev.eaw.insights.ai;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SPLIT_TEXT_RECURSIVE_CHARACTER as https://docs.snowflake.com/en/sql-reference/functions/split_text_recursive_character-snowflake-cortex
 * describes it: paragraphs first, then lines, words, characters, until every chunk fits chunk_size.
 */
class TextSplitterTests {

	@Test
	void paragraphsThenWordsUntilEveryChunkFits() {
		List<String> chunks = TextSplitter.split("First paragraph here.\n\nSecond one, a good deal longer than the first.",
				"none", 25, 0, TextSplitter.DEFAULT);
		assertThat(chunks).allMatch(c -> c.length() <= 25);
		assertThat(chunks.get(0)).isEqualTo("First paragraph here.");
		assertThat(String.join(" ", chunks).replaceAll("\\s+", " "))
			.isEqualTo("First paragraph here. Second one, a good deal longer than the first.");
	}

	@Test
	void overlapRepeatsTheEndOfThePreviousChunk() {
		List<String> chunks = TextSplitter.split("aaa bbb ccc ddd eee", "none", 8, 4, TextSplitter.DEFAULT);
		assertThat(chunks).containsExactly("aaa bbb", "bbb ccc", "ccc ddd", "ddd eee");
	}

	@Test
	void badArgumentsAreRefused() {
		assertThatThrownBy(() -> TextSplitter.split("x", "html", 10, 0, TextSplitter.DEFAULT)).hasMessageContaining("'none' or 'markdown'");
		assertThatThrownBy(() -> TextSplitter.split("x", "none", 10, 10, TextSplitter.DEFAULT)).hasMessageContaining("overlap");
	}

}
