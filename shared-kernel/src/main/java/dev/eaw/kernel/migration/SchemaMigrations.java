package dev.eaw.kernel.migration;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import dev.eaw.kernel.ModuleSchema;

/**
 * Migrates every {@link ModuleSchema} the moment the application's data source exists, so no bean ever sees an
 * unmigrated database. Each schema keeps its own Flyway history, so modules version their scripts independently.
 */
@Component
class SchemaMigrations implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private final ObjectProvider<ModuleSchema> schemas;

	private final AtomicBoolean done = new AtomicBoolean();

	SchemaMigrations(ObjectProvider<ModuleSchema> schemas) {
		this.schemas = schemas;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName) && done.compareAndSet(false, true)) {
			schemas.orderedStream().forEach(schema -> migrate(dataSource, schema));
		}
		return bean;
	}

	private static void migrate(DataSource dataSource, ModuleSchema schema) {
		MigrateResult result = Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema.name())
			.defaultSchema(schema.name())
			.createSchemas(true)
			.locations(schema.location())
			.load()
			.migrate();
		log.info("Schema '{}' at version {} ({} migration(s) applied)", schema.name(), result.targetSchemaVersion,
				result.migrationsExecuted);
	}

}
