package dev.eaw.docqa.answering;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.chunking.Sentences;
import dev.eaw.docqa.chunking.Span;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which scored sentences {@link ExtractiveAnswers#choose(List, double)} quotes, and when it refuses. The scores are
 * set by hand (the scoring itself needs the model and is measured by the {@code answer} benchmark).
 */
class ExtractiveAnswersTests {

	static final double THRESHOLD = ExtractiveAnswers.DEFAULT_THRESHOLD;

	static final String REVISED = "The travel policy was revised by the finance board.";

	static final String EFFECT = "It now takes effect on 1 May 2026.";

	static final String RECEIPTS = "Receipts are kept for ten years.";

	static final String MEALS = "Meals abroad are paid at the local daily rate.";

	static final String POLICY = String.join(" ", REVISED, EFFECT, RECEIPTS, MEALS);

	static final String OTHER = "Parking permits are issued by the facilities team. They cost nothing for cyclists.";

	@Test
	void theSentenceAfterTheBestIsQuotedWithItEvenFarBelowTheThreshold() {
		// the subject is named in one sentence, the answer ("1 May 2026") given in the next, which shares few words
		assertThat(quoted(0.60, 0.70, 0.45, 0.30, 0.20)).containsExactly(REVISED, EFFECT);
	}

	@Test
	void theSentenceAfterTheBestIsLeftOutWhenItScoresFarLower() {
		assertThat(quoted(0.60, 0.70, 0.39, 0.30, 0.20)).containsExactly(REVISED);
	}

	@Test
	void theSentenceBeforeTheBestIsQuotedWithinItsOwnMargin() {
		assertThat(quoted(0.60, 0.20, 0.52, 0.70, 0.20)).containsExactly(EFFECT, RECEIPTS);
		assertThat(quoted(0.60, 0.20, 0.48, 0.70, 0.20)).containsExactly(RECEIPTS);
	}

	@Test
	void sentencesNotNextToTheBestNeedTheOrdinaryMarginAndTheThreshold() {
		// two places after the best in the same chunk, and in another chunk: 0.10 below is too far
		List<ExtractiveAnswers.Candidate> scored = new ArrayList<>(
				candidates(hit(1, POLICY, 0.60), 0.72, 0.30, 0.62, 0.20));
		scored.addAll(candidates(hit(2, OTHER, 0.55), 0.65, 0.20));
		assertThat(texts(ExtractiveAnswers.choose(scored, THRESHOLD)))
			.containsExactly(REVISED, "Parking permits are issued by the facilities team.");
	}

	@Test
	void atMostThreeSentencesAreQuotedBestFirstAndShownInDocumentOrder() {
		// all four qualify: the first (0.66, the best's neighbour) is the lowest and is left out
		assertThat(quoted(0.60, 0.66, 0.70, 0.68, 0.67)).containsExactly(EFFECT, RECEIPTS, MEALS);
	}

	@Test
	void aChunkCloseToTheQuestionAsAWholeIsAnsweredWhenNoSentenceReachesTheThreshold() {
		// the question's words spread over the sentences: each alone scores low, the chunk's cosine is 0.66
		assertThat(quoted(0.66, 0.50, 0.40, 0.30, 0.20)).containsExactly(REVISED, EFFECT);
	}

	@Test
	void withoutAChunkThatCloseTheQuestionIsRefusedAsBefore() {
		assertThat(quoted(0.64, 0.50, 0.40, 0.30, 0.20)).isEmpty();
		// BM25 alone gives no cosine: only the sentences count
		assertThat(ExtractiveAnswers.choose(candidates(hit(1, POLICY, null), 0.50, 0.40, 0.30, 0.20), THRESHOLD))
			.isEmpty();
		// the chunk rule moves with the threshold (strictness): 0.66 is not enough at 0.62
		assertThat(ExtractiveAnswers.choose(candidates(hit(1, POLICY, 0.66), 0.50, 0.40, 0.30, 0.20), 0.62))
			.isEmpty();
	}

	@Test
	void quotedSentencesAreExactlyTheirSpansOfTheChunk() {
		for (ExtractiveAnswers.Candidate c : ExtractiveAnswers.choose(
				candidates(hit(1, POLICY, 0.60), 0.70, 0.45, 0.30, 0.20), THRESHOLD)) {
			assertThat(c.span().of(c.hit().text())).isEqualTo(c.text());
		}
	}

	/** The texts quoted from {@link #POLICY} at the default threshold, its chunk having the dense score given. */
	private static List<String> quoted(double dense, double... scores) {
		return texts(ExtractiveAnswers.choose(candidates(hit(1, POLICY, dense), scores), THRESHOLD));
	}

	private static SearchHit hit(long chunkId, String text, @Nullable Double dense) {
		return new SearchHit(chunkId, chunkId, "handbook", null, "", text, 1.0, null, null, dense, dense == null ? null : 1);
	}

	/** The chunk's sentences with the given scores, in order. */
	private static List<ExtractiveAnswers.Candidate> candidates(SearchHit hit, double... scores) {
		List<Span> spans = Sentences.split(hit.text());
		assertThat(spans).hasSize(scores.length);
		List<ExtractiveAnswers.Candidate> out = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			out.add(new ExtractiveAnswers.Candidate(hit, (int) hit.chunkId() - 1, i, spans.get(i),
					spans.get(i).of(hit.text()), scores[i]));
		}
		return out;
	}

	private static List<String> texts(List<ExtractiveAnswers.Candidate> chosen) {
		return chosen.stream().map(ExtractiveAnswers.Candidate::text).toList();
	}

}
