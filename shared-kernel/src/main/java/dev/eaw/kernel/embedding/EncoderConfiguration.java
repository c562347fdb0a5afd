package dev.eaw.kernel.embedding;

import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.eaw.kernel.SentenceEncoders;

@Configuration(proxyBeanMethods = false)
class EncoderConfiguration {

	@Bean
	OnnxSentenceEncoders sentenceEncoders() {
		return new OnnxSentenceEncoders();
	}

	/**
	 * The models load after the application is ready (it answers meanwhile), not during start: bge-small serves both
	 * modules, MiniLM the sentiment model's second view.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> sentenceEncodersWarmUp(OnnxSentenceEncoders encoders) {
		return event -> encoders.warmUp(List.of(SentenceEncoders.BGE_SMALL_Q, SentenceEncoders.MINILM_Q));
	}

}
