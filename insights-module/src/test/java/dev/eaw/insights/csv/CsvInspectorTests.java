package dev.eaw.insights.csv;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.CsvInspection;
import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvInspectorTests {

	@TempDir
	Path dir;

	private CsvInspection inspect(String content) throws IOException {
		Path file = dir.resolve("f.csv");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return CsvInspector.inspect(file);
	}

	@Test
	void infersDelimiterHeaderAndTypes() throws IOException {
		CsvInspection inspection = inspect("\uFEFFId|Price (EUR)|Day|Seen At|Ok|Note\n1|2.5|2024-01-31|2024-01-31T10:00:00Z|true|a\n"
				+ "2|3|2024-02-01|2024-02-01 11:00|false|\n");
		assertThat(inspection.layout().delimiter()).isEqualTo('|');
		assertThat(inspection.layout().header()).isTrue();
		assertThat(inspection.layout().columns()).containsExactly(new Column("id", ColumnType.INTEGER),
				new Column("price_eur", ColumnType.DECIMAL), new Column("day", ColumnType.DATE),
				new Column("seen_at", ColumnType.TIMESTAMP), new Column("ok", ColumnType.BOOLEAN),
				new Column("note", ColumnType.TEXT));
		assertThat(inspection.sample()).hasSize(2);
	}

	@Test
	void aFileWithoutHeaderGetsNumberedColumns() throws IOException {
		CsvInspection inspection = inspect("1,2.5\n2,3.5\n3,4\n");
		assertThat(inspection.layout().header()).isFalse();
		assertThat(inspection.layout().columns()).extracting(Column::name).containsExactly("col_1", "col_2");
		assertThat(inspection.sample()).hasSize(3);
	}

	@Test
	void messyHeadersBecomeUniqueIdentifiers() {
		assertThat(Identifiers.columnNames(List.of("Name", "name", "2nd value", "", "  Ünits % "))).containsExactly("name",
				"name_2", "c_2nd_value", "col_4", "nits");
	}

	@Test
	void emptyAndBinaryFilesAreRefused() {
		assertThatThrownBy(() -> inspect("")).isInstanceOf(InvalidInput.class).hasMessageContaining("empty");
		assertThatThrownBy(() -> inspect("\n\n  \n")).isInstanceOf(InvalidInput.class).hasMessageContaining("no data");
		assertThatThrownBy(() -> inspect("a,b\u0000c")).isInstanceOf(InvalidInput.class).hasMessageContaining("binary");
	}

	@Test
	void valuesAreCheckedAndConvertedForCopy() {
		assertThat(Values.convert("+42", ColumnType.INTEGER)).isEqualTo("42");
		assertThat(Values.convert("4.2e3", ColumnType.DECIMAL)).isEqualTo("4.2e3");
		assertThat(Values.convert("Yes", ColumnType.BOOLEAN)).isEqualTo("true");
		assertThat(Values.convert("2024/02/29", ColumnType.DATE)).isEqualTo("2024-02-29");
		assertThat(Values.convert("2023-02-29", ColumnType.DATE)).isNull();
		assertThat(Values.convert("2024-03-01T12:00:00+02:00", ColumnType.TIMESTAMP)).isEqualTo("2024-03-01 10:00");
		assertThat(Values.convert("12 apples", ColumnType.INTEGER)).isNull();
	}

	@Test
	void theParserKeepsQuotedDelimitersQuotesAndLineBreaks() throws IOException {
		CsvParser parser = new CsvParser(new StringReader("a,\"b, \"\"c\"\"\",\"d\ne\"\r\nx,y,z"), ',');
		CsvRecord first = parser.next();
		assertThat(first.fields()).containsExactly("a", "b, \"c\"", "d\ne");
		assertThat(first.line()).isEqualTo(1);
		CsvRecord second = parser.next();
		assertThat(second.line()).isEqualTo(3);
		assertThat(parser.next()).isNull();
		assertThatThrownBy(() -> new CsvParser(new StringReader("a,\"open"), ',').next())
			.hasMessageContaining("never closed");
	}

}
