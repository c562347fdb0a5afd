package dev.eaw.docqa;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Chroma server is when {@code eaw.docqa.vector-store=chroma} ({@code eaw.chroma.*}: {@code EAW_CHROMA_URL},
 * {@code EAW_CHROMA_TENANT}, {@code EAW_CHROMA_DATABASE}, {@code EAW_CHROMA_COLLECTION}).
 *
 * @param url the server's base URL, e.g. {@code http://localhost:8000} (Chroma 1.x, API v2)
 * @param tenant the tenant, created when missing
 * @param database the database, created when missing
 * @param collection the one Chroma collection holding the vectors of all Document Q&amp;A collections
 * @param connectTimeout how long a call waits to connect to Chroma ({@code EAW_CHROMA_CONNECT_TIMEOUT})
 * @param readTimeout how long a call waits for Chroma's answer ({@code EAW_CHROMA_READ_TIMEOUT}); past either the
 * vector store counts as not reachable
 */
@ConfigurationProperties("eaw.chroma")
record ChromaSettings(@Nullable URI url, @DefaultValue("default_tenant") String tenant,
		@DefaultValue("default_database") String database, @DefaultValue("eaw-docqa-chunks") String collection,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
}
