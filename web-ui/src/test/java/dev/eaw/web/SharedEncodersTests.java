package dev.eaw.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.insights.ai.Embedder;
import dev.eaw.insights.ai.SentimentScorer;
import dev.eaw.kernel.SentenceEncoders;
import dev.eaw.kernel.embedding.OnnxSentenceEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Insights and Document Q&A embed with one instance of each ONNX model, not one each. */
@AppTest
class SharedEncodersTests {

	@Autowired
	OnnxSentenceEncoders encoders;

	@Autowired
	Embedder insights;

	@Autowired
	SentimentScorer sentiment;

	@Autowired
	DocqaEmbedder docqa;

	@Autowired
	Embedders docqaModels;

	@Test
	void bothModulesUseTheOneInstanceOfEachModel() {
		String text = "The battery lasts all day and the screen is sharp.";
		float[] fromInsights = insights.embed(text);
		float[] fromDocqa = docqa.embed(text);
		// the same model: the vectors point the same way (Document Q&A normalises them, Insights' are unit length too)
		assertThat(Embedder.cosine(fromInsights, fromDocqa)).isCloseTo(1.0, within(1e-5));
		sentiment.score(text);
		docqaModels.of(DocqaEmbedder.MINILM).embed(text);

		assertThat(encoders.loads()).containsEntry(SentenceEncoders.BGE_SMALL_Q, 1)
			.containsEntry(SentenceEncoders.MINILM_Q, 1);
		assertThat(insights.modelName()).isEqualTo(docqa.modelName()).isEqualTo(SentenceEncoders.BGE_SMALL_Q);
	}

}
