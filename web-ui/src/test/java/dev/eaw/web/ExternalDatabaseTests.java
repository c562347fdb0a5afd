package dev.eaw.web;

import java.io.IOException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.datasource.url} set (as {@code SPRING_DATASOURCE_URL} does), the application uses that server
 * and starts no embedded one. The "external" server here is a separate PostgreSQL process the test starts itself.
 */
@SpringBootTest(properties = { "eaw.admin.password=external-secret", "eaw.insights.warm-up=false",
		"eaw.docqa.files=${java.io.tmpdir}/eaw-test-docqa-${random.uuid}/files",
		"eaw.docqa.index=${java.io.tmpdir}/eaw-test-docqa-${random.uuid}/index" })
class ExternalDatabaseTests {

	static EmbeddedPostgres external;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws IOException {
		external = EmbeddedPostgres.builder().start();
		registry.add("spring.datasource.url", () -> external.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stop() throws IOException {
		external.close();
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void usesTheConfiguredServerAndStartsNoEmbeddedOne() {
		assertThat(context.containsBean("embeddedPostgres")).isFalse();
		assertThat(context.containsBean("postgresWatchdog")).isFalse();
		Integer port = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
		assertThat(port).isEqualTo(external.getPort());
		assertThat(jdbc.sql("SELECT count(*) FROM kernel.users WHERE username = 'admin'").query(Integer.class).single())
			.isEqualTo(1);
		// the pool's settings apply to an external server too: a short wait for a connection, a statement timeout
		assertThat(((HikariDataSource) dataSource).getConnectionTimeout()).isEqualTo(3000);
		assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("1min");
	}

}
