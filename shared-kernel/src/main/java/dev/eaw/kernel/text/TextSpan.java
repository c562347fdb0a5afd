package dev.eaw.kernel.text;

/** A range {@code [start, end)} of character offsets in a text. */
public record TextSpan(int start, int end) {

	public TextSpan {
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
		}
	}

	public String of(CharSequence text) {
		return text.subSequence(start, end).toString();
	}

}
