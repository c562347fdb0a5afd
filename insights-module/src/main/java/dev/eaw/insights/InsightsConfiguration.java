package dev.eaw.insights;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.insights.ai.AiCache;
import dev.eaw.insights.ai.AiEngine;
import dev.eaw.insights.ai.Embedder;
import dev.eaw.insights.ai.LlmClient;
import dev.eaw.insights.ai.SentimentModel;
import dev.eaw.insights.ai.SentimentScorer;
import dev.eaw.insights.ai.TextModels;
import dev.eaw.insights.samples.DemoContent;
import dev.eaw.insights.sql.CalciteQueries;
import dev.eaw.kernel.LlmSettings;
import dev.eaw.kernel.Role;
import dev.eaw.kernel.SentenceEncoders;
import dev.eaw.kernel.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the SQL box: the read-only connections, the models behind the AI functions, and Calcite. */
@Configuration(proxyBeanMethods = false)
class InsightsConfiguration {

	/** bge-small-en-v1.5-q: the application's one instance, shared with Document Q&A (loaded after start). */
	@Bean
	Embedder insightsEmbedder(SentenceEncoders encoders) {
		return Embedder.shared(encoders, SentenceEncoders.BGE_SMALL_Q);
	}

	@Bean
	TextModels textModels(Embedder embedder) {
		return new TextModels(embedder);
	}

	@Bean
	LlmClient insightsLlm(LlmSettings settings) {
		return new LlmClient(settings);
	}

	@Bean
	AiCache aiCache(JdbcClient jdbc, ObjectProvider<MeterRegistry> meters) {
		return new AiCache(jdbc, meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
	}

	/** The in-process sentiment model: bge-small-en-v1.5 embeddings and the project's trained head, VADER as fallback. */
	@Bean
	SentimentScorer sentimentScorer(Embedder embedder, SentenceEncoders encoders) {
		return SentimentModel.load(embedder, () -> Embedder.shared(encoders, SentenceEncoders.MINILM_Q));
	}

	@Bean
	AiEngine aiEngine(TextModels text, SentimentScorer sentiment, LlmClient llm, AiCache cache) {
		return new AiEngine(text, sentiment, llm, cache);
	}

	@Bean(destroyMethod = "close")
	ReaderConnections insightsReaderConnections(DataSource main, InsightsSettings settings) {
		return new ReaderConnections(main, settings.timeout().toMillis());
	}

	@Bean
	DemoContent demoContent(Datasets datasets, Workbench workbench, Queries queries, JdbcClient jdbc) {
		return new DemoContent(datasets, workbench, queries, jdbc);
	}

	@Bean
	ApplicationRunner insightsDemo(DemoContent demo, InsightsSettings settings) {
		return args -> {
			if (settings.samples() && demo.createOnce() && settings.warmUp()) {
				demo.warmUp();
			}
		};
	}

	@Bean
	Queries queries(ReaderConnections readers, AiEngine engine, InsightsSettings settings, CalciteQueries.QueryLog log,
			MlModels models, UserAccounts accounts) {
		return new CalciteQueries(readers.dataSource(), engine, new CalciteQueries.Limits(settings.rowCap(),
				settings.timeout(), settings.maxScannedRows(), settings.maxQueriesPerUser()), root -> {
				}, log, models, user -> accounts.find(user).map(account -> account.role() == Role.ADMIN).orElse(false));
	}

}
