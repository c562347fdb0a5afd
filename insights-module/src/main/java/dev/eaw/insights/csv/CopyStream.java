package dev.eaw.insights.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.eaw.insights.Column;
import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.LoadProgress;
import dev.eaw.kernel.InvalidInput;

/**
 * The whole CSV file re-written, record by record, as the canonical CSV that PostgreSQL's {@code COPY … FROM STDIN
 * (FORMAT csv)} reads: every value checked against its column's type on the way. A ragged row or a bad value stops
 * the stream with an {@link InvalidInput} naming the line, the column and the problem, so the COPY and its
 * transaction fail as a whole.
 */
public final class CopyStream extends Reader {

	private static final int PROGRESS_EVERY = 10_000;

	private final CsvParser parser;

	private final CsvLayout layout;

	private final CountingInputStream counted;

	private final LoadProgress progress;

	private final StringBuilder pending = new StringBuilder();

	private int offset;

	private long rows;

	private boolean headerSkipped;

	private boolean done;

	public CopyStream(InputStream in, CsvLayout layout, LoadProgress progress) {
		this.counted = new CountingInputStream(in);
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.parser = new CsvParser(new BomSkipping(new InputStreamReader(counted, decoder)), layout.delimiter());
		this.layout = layout;
		this.progress = progress;
	}

	public long rows() {
		return rows;
	}

	@Override
	public int read(char[] target, int from, int length) throws IOException {
		while (offset == pending.length()) {
			if (done) {
				return -1;
			}
			pending.setLength(0);
			offset = 0;
			fill();
		}
		int n = Math.min(length, pending.length() - offset);
		pending.getChars(offset, offset + n, target, from);
		offset += n;
		return n;
	}

	private void fill() throws IOException {
		for (int i = 0; i < 256; i++) {
			CsvRecord record;
			try {
				record = parser.next();
			}
			catch (java.nio.charset.CharacterCodingException ex) {
				throw new InvalidInput("The file is not UTF-8 text (after row " + rows + "); save it as UTF-8 CSV.");
			}
			if (record == null) {
				done = true;
				progress.advanced(counted.count(), rows);
				return;
			}
			if (layout.header() && !headerSkipped) {
				headerSkipped = true;
				continue;
			}
			append(record);
			rows++;
			if (rows % PROGRESS_EVERY == 0) {
				progress.advanced(counted.count(), rows);
			}
		}
	}

	private void append(CsvRecord record) {
		List<Column> columns = layout.columns();
		List<String> fields = record.fields();
		if (fields.size() != columns.size()) {
			throw new InvalidInput("Line " + record.line() + " has " + fields.size() + " field(s), expected "
					+ columns.size() + " like the first line.");
		}
		for (int c = 0; c < columns.size(); c++) {
			if (c > 0) {
				pending.append(',');
			}
			String raw = fields.get(c);
			Column column = columns.get(c);
			if (raw.isEmpty() || (column.type() != dev.eaw.insights.ColumnType.TEXT && raw.isBlank())) {
				continue;
			}
			String value = Values.convert(column.type() == dev.eaw.insights.ColumnType.TEXT ? raw : raw.strip(),
					column.type());
			if (value == null) {
				throw new InvalidInput("Line " + record.line() + ", column '" + column.name() + "': '"
						+ abbreviate(raw) + "' is not " + Values.expected(column.type()) + ".");
			}
			pending.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		pending.append('\n');
	}

	private static String abbreviate(String raw) {
		return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
	}

	@Override
	public void close() throws IOException {
		counted.close();
	}

	/** Counts the bytes read, for progress. */
	private static final class CountingInputStream extends java.io.FilterInputStream {

		private long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

	/** Drops a UTF-8 byte-order mark at the start. */
	private static final class BomSkipping extends java.io.FilterReader {

		private boolean first = true;

		BomSkipping(Reader in) {
			super(new java.io.PushbackReader(in, 1));
		}

		@Override
		public int read(char[] cbuf, int off, int len) throws IOException {
			if (first) {
				first = false;
				int c = in.read();
				if (c != '\uFEFF' && c != -1) {
					((java.io.PushbackReader) in).unread(c);
				}
			}
			return in.read(cbuf, off, len);
		}

	}

}
