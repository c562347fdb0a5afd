package dev.eaw.docqa.answering;

import java.time.Duration;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;

/**
 * langchain4j's HTTP client (the JDK one) with our connect and read timeouts: its model builders know one {@code timeout} for
 * both, and set it on the client builder they are given, so this builder keeps its own.
 */
final class LlmTimeouts implements HttpClientBuilder {

	private final Duration connect;

	private final Duration read;

	LlmTimeouts(Duration connect, Duration read) {
		this.connect = connect;
		this.read = read;
	}

	@Override
	public Duration connectTimeout() {
		return connect;
	}

	@Override
	public HttpClientBuilder connectTimeout(Duration ignored) {
		return this;
	}

	@Override
	public Duration readTimeout() {
		return read;
	}

	@Override
	public HttpClientBuilder readTimeout(Duration ignored) {
		return this;
	}

	@Override
	public HttpClient build() {
		return HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(connect).readTimeout(read).build();
	}

}
