package dev.eaw.docqa;

import java.util.List;

/** A document with one page of its chunks ({@code offset}, {@code limit}) out of {@code totalChunks}. */
public record DocumentDetail(Document document, List<Chunk> chunks, int offset, int limit, long totalChunks) {
}
