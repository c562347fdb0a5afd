package dev.eaw.insights.sql;

import java.util.Properties;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * How the SQL box reads SQL: Calcite's Babel parser (which reads {@code ::} casts, {@code name => value} arguments,
 * {@code v['k']} and most of Snowflake's syntax; {@link SnowflakeSyntax} prepares the rest), PostgreSQL-like
 * identifiers (unquoted names fold to lower case, double quotes keep case), lenient conformance (GROUP BY an output
 * alias or ordinal), and PostgreSQL's and Snowflake's library functions beside the standard ones.
 */
final class CalciteSettings {

	private CalciteSettings() {
	}

	static SqlParser.Config parserConfig() {
		return SqlParser.config()
			.withParserFactory(SqlBabelParserImpl.FACTORY)
			.withQuoting(Quoting.DOUBLE_QUOTE)
			.withUnquotedCasing(Casing.TO_LOWER)
			.withQuotedCasing(Casing.UNCHANGED)
			.withCaseSensitive(false)
			.withConformance(SqlConformanceEnum.LENIENT);
	}

	static Properties connectionProperties() {
		Properties info = new Properties();
		info.setProperty("parserFactory", SqlBabelParserImpl.class.getName() + "#FACTORY");
		info.setProperty("quoting", Quoting.DOUBLE_QUOTE.name());
		info.setProperty("unquotedCasing", Casing.TO_LOWER.name());
		info.setProperty("quotedCasing", Casing.UNCHANGED.name());
		info.setProperty("caseSensitive", "false");
		info.setProperty("conformance", SqlConformanceEnum.LENIENT.name());
		info.setProperty("fun", "standard,postgresql,snowflake");
		info.setProperty("typeSystem", PostgresLikeTypes.class.getName() + "#INSTANCE");
		return info;
	}

}
