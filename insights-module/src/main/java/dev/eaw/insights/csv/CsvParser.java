package dev.eaw.insights.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;

/**
 * A streaming RFC 4180 parser: fields separated by one delimiter, optionally in double quotes, {@code ""} for a
 * quote inside quotes, line breaks allowed inside quotes, CRLF or LF line ends. A blank line is skipped.
 */
public final class CsvParser {

	private final Reader in;

	private final char delimiter;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private long line = 1;

	public CsvParser(Reader in, char delimiter) {
		this.in = in;
		this.delimiter = delimiter;
	}

	/** The next record, or null at the end of the file. */
	public @Nullable CsvRecord next() throws IOException {
		while (true) {
			int c = peek();
			if (c == -1) {
				return null;
			}
			if (c == '\n' || c == '\r') {
				consumeLineEnd();
				continue;
			}
			return readRecord();
		}
	}

	private CsvRecord readRecord() throws IOException {
		long start = line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		while (true) {
			int c = read();
			if (c == '"' && field.isEmpty()) {
				readQuoted(field, start);
				c = peek();
				if (c != delimiter && c != '\n' && c != '\r' && c != -1) {
					throw new InvalidInput("Line " + line + ": unexpected text after a closing quote.");
				}
				continue;
			}
			if (c == delimiter) {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r' || c == -1) {
				if (c != -1) {
					unread();
					consumeLineEnd();
				}
				fields.add(field.toString());
				return new CsvRecord(start, fields);
			}
			else {
				field.append((char) c);
			}
		}
	}

	private void readQuoted(StringBuilder field, long start) throws IOException {
		while (true) {
			int c = read();
			if (c == -1) {
				throw new InvalidInput("Line " + start + ": a quoted field is never closed.");
			}
			if (c == '"') {
				if (peek() == '"') {
					read();
					field.append('"');
				}
				else {
					return;
				}
			}
			else {
				if (c == '\n') {
					line++;
				}
				field.append((char) c);
			}
		}
	}

	private void consumeLineEnd() throws IOException {
		int c = read();
		if (c == '\r' && peek() == '\n') {
			read();
		}
		line++;
	}

	private int peek() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position];
	}

	private int read() throws IOException {
		if (position == limit && !fill()) {
			return -1;
		}
		return buffer[position++];
	}

	private void unread() {
		position--;
	}

	private boolean fill() throws IOException {
		int n = in.read(buffer, 0, buffer.length);
		if (n <= 0) {
			return false;
		}
		position = 0;
		limit = n;
		return true;
	}

}
