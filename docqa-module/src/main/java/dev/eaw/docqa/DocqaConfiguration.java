package dev.eaw.docqa;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.docqa.answering.ConversationalAnswers;
import dev.eaw.docqa.answering.ExtractiveAnswers;
import dev.eaw.docqa.answering.LlmAnswers;
import dev.eaw.docqa.answering.LlmChat;
import dev.eaw.docqa.embedding.DocqaEmbedder;
import dev.eaw.docqa.embedding.Embedders;
import dev.eaw.docqa.extraction.ExtractionLimits;
import dev.eaw.docqa.extraction.Ocr;
import dev.eaw.docqa.extraction.Tesseract;
import dev.eaw.docqa.index.ChromaChunkIndex;
import dev.eaw.docqa.index.ChunkIndex;
import dev.eaw.docqa.index.LuceneChunkIndex;
import dev.eaw.docqa.ingestion.BackgroundIngestion;
import dev.eaw.docqa.ingestion.CollectionCatalogue;
import dev.eaw.docqa.ingestion.FileStore;
import dev.eaw.docqa.ingestion.IngestionOptions;
import dev.eaw.docqa.ingestion.IngestionQueue;
import dev.eaw.docqa.jdbc.ChunkRows;
import dev.eaw.docqa.jdbc.CollectionRows;
import dev.eaw.docqa.jdbc.ConversationRows;
import dev.eaw.docqa.jdbc.DocumentRows;
import dev.eaw.docqa.retrieval.Fusion;
import dev.eaw.docqa.retrieval.HybridSearch;
import dev.eaw.kernel.LlmSettings;
import dev.eaw.kernel.SentenceEncoders;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires ingestion, the index (Lucene, or Lucene text and Chroma vectors), hybrid search and answers (LLM or
 * extractive); resumes ingestion once the app is ready.
 */
@Configuration(proxyBeanMethods = false)
class DocqaConfiguration {

	/** bge-small-en-v1.5-q: the application's one instance, shared with Insights. */
	@Bean
	DocqaEmbedder docqaEmbedder(SentenceEncoders encoders) {
		return new DocqaEmbedder(DocqaEmbedder.MODEL, encoders);
	}

	@Bean
	Embedders docqaEmbedders(DocqaEmbedder embedder, SentenceEncoders encoders) {
		return new Embedders(embedder, encoders);
	}

	@Bean(destroyMethod = "close")
	ChunkIndex docqaChunkIndex(DocqaSettings settings, ChromaSettings chroma) {
		return switch (settings.vectorStore()) {
			case "lucene" -> new LuceneChunkIndex(settings.index());
			case "chroma" -> {
				if (chroma.url() == null) {
					throw new IllegalStateException("eaw.docqa.vector-store=chroma needs EAW_CHROMA_URL (eaw.chroma.url)");
				}
				yield new ChromaChunkIndex(settings.index(), chroma.url(), chroma.tenant(), chroma.database(),
						chroma.collection(), chroma.connectTimeout(), chroma.readTimeout());
			}
			default -> throw new IllegalStateException(
					"eaw.docqa.vector-store must be lucene or chroma, not " + settings.vectorStore());
		};
	}

	@Bean
	FileStore docqaFileStore(DocqaSettings settings) {
		return new FileStore(settings.files());
	}

	@Bean
	CollectionRows docqaCollectionRows(JdbcClient jdbc) {
		return new CollectionRows(jdbc);
	}

	@Bean
	DocumentRows docqaDocumentRows(JdbcClient jdbc) {
		return new DocumentRows(jdbc);
	}

	@Bean
	ChunkRows docqaChunkRows(JdbcClient jdbc) {
		return new ChunkRows(jdbc);
	}

	@Bean(destroyMethod = "close")
	IngestionQueue docqaIngestionQueue(DocqaSettings settings) {
		return new IngestionQueue(settings.maxExtractionTime());
	}

	@Bean
	CollectionCatalogue documentCollections(CollectionRows collections, DocumentRows documents, ChunkIndex index,
			FileStore files, ApplicationEventPublisher events, IngestionQueue queue) {
		return new CollectionCatalogue(collections, documents, index, files, events, queue);
	}

	/** Tesseract when {@code eaw.docqa.ocr} is {@code auto} and the command answers at start. */
	@Bean
	Ocr docqaOcr(DocqaSettings settings) {
		Tesseract tesseract = switch (settings.ocr()) {
			case "auto" -> Tesseract.probe(settings.tesseract(), settings.ocrLanguage(), settings.ocrPageTimeout());
			case "off" -> Tesseract.off();
			default -> throw new IllegalStateException("eaw.docqa.ocr must be auto or off, not " + settings.ocr());
		};
		return new Ocr(tesseract, settings.ocrMaxPages(), settings.ocrMaxPixels());
	}

	@Bean
	OcrStatus docqaOcrStatus(Ocr ocr) {
		return new OcrStatus(ocr.enabled(), ocr.description());
	}

	@Bean(destroyMethod = "close")
	BackgroundIngestion documentIngestion(CollectionCatalogue collections, DocumentRows documents, ChunkRows chunks,
			FileStore files, Embedders embedders, ChunkIndex index, ApplicationEventPublisher events,
			IngestionQueue queue, DocqaSettings settings, Ocr ocr) {
		return new BackgroundIngestion(collections, documents, chunks, files, embedders, index, events, queue,
				new IngestionOptions(settings.maxFile().toBytes(), settings.maxFilesPerUpload(),
						settings.chunkTokens(), settings.chunkOverlap(), new ExtractionLimits(
								settings.maxExpanded().toBytes(), settings.maxXmlPart().toBytes()), ocr));
	}

	@Bean
	HybridSearch documentSearch(CollectionRows collections, ChunkRows chunks, ChunkIndex index,
			Embedders embedders, DocqaSettings settings) {
		return new HybridSearch(collections, chunks, index, embedders,
				new Fusion(Fusion.Method.of(settings.fusion()), settings.fusionWeight()));
	}

	@Bean
	ConversationRows docqaConversationRows(JdbcClient jdbc) {
		return new ConversationRows(jdbc);
	}

	@Bean
	ConversationalAnswers questionAnswering(CollectionRows collections, ConversationRows conversations,
			HybridSearch search, ChunkIndex index, DocqaEmbedder embedder, DocqaSettings settings,
			LlmSettings llm, ObjectProvider<MeterRegistry> meters) {
		ExtractiveAnswers extractive = new ExtractiveAnswers(collections, search, index, embedder,
				settings.answerThreshold());
		LlmAnswers generative = llm.configured() ? new LlmAnswers(search, new LlmChat(llm),
				meters.getIfAvailable(SimpleMeterRegistry::new)) : null;
		return new ConversationalAnswers(collections, conversations, extractive, generative);
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeIngestion(ApplicationReadyEvent ready) {
		BackgroundIngestion ingestion = ready.getApplicationContext().getBean(BackgroundIngestion.class);
		ingestion.resume();
		ingestion.retryEvery(ready.getApplicationContext().getBean(DocqaSettings.class).retryInterval());
	}

}
