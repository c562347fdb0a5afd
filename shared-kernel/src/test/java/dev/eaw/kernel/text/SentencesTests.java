package dev.eaw.kernel.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTests {

	/** Each case is two sentences separated by " | "; the segmenter must find exactly those two. */
	@ParameterizedTest
	@ValueSource(strings = {
			"Travel expenses over 1,000 euros are approved by Dr. Helena Berg, the finance director. | Smaller amounts need no approval.",
			"Mr. Smith leads the team. | He joined in 2019.",
			"Bring a document, e.g. a passport or an ID card. | Visitors sign in at reception.",
			"Use the main entrance, i.e. the one on Oak Street. | It opens at 8.",
			"Meetings take place in Room No. 5 on the second floor. | Please be on time.",
			"The layout is shown in Fig. 3 of the appendix. | Print it if needed.",
			"The book was written by J. R. R. Tolkien in England. | It sold millions.",
			"Prices rose by 3.5 % last year. | Wages did not.",
			"The company moved to the U.S. in 2010 and grew fast. | It now has 500 staff.",
			"We sell pens, paper, folders, etc. | Orders ship daily.",
			"Contact Prof. Miller or Mrs. Jones for details. | They answer within a day.",
			"Our CEO, Dr. A. Nowak, signs all contracts above 50,000 euros. | Deputies sign smaller ones.",
			"Send the form to A. B. Carter before Jan. 15. | Late forms are rejected.",
			"Call ext. 4711 if you need help. | Someone will come.",
			"Read the text. | Then sign it.",
			"Is the canteen open on Saturday? | No, it is not.",
			"The office (see Fig. 2) is on the left. | The lift is on the right." })
	void splitsOnlyAtRealSentenceEnds(String twoSentences) {
		List<String> expected = List.of(twoSentences.split(" \\| "));

		assertThat(Sentences.of(String.join(" ", expected))).containsExactlyElementsOf(expected);
	}

	@Test
	void aWrappedLineDoesNotEndASentenceButABlankLineDoes() {
		String text = "Travel policy\n\nExpenses are approved by\nDr. Helena Berg, the finance director. Receipts are\nkept for ten years.\n\n  Questions go to finance";

		assertThat(Sentences.of(text)).containsExactly("Travel policy",
				"Expenses are approved by\nDr. Helena Berg, the finance director.",
				"Receipts are\nkept for ten years.", "Questions go to finance");
	}

	@Test
	void spansAreOffsetsInTheWholeTextAndTrimmed() {
		String text = "Skip this. Mr. Smith arrived. Then he left.   ";
		int from = text.indexOf("Mr.");

		List<TextSpan> spans = Sentences.spans(text, from, text.length());

		assertThat(spans).extracting(span -> span.of(text)).containsExactly("Mr. Smith arrived.", "Then he left.");
		assertThat(spans.get(0).start()).isEqualTo(from);
	}

	@Test
	void emptyAndBlankTextHaveNoSentences() {
		assertThat(Sentences.of("")).isEmpty();
		assertThat(Sentences.of(" \n\n \t")).isEmpty();
	}

	@Test
	void windowsLineEndsWork() {
		assertThat(Sentences.of("Heading\r\n\r\nFirst line\r\ngoes on. Second.")).containsExactly("Heading",
				"First line\r\ngoes on.", "Second.");
	}

}
