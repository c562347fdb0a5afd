package dev.eaw.docqa;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Document Q&amp;A module ({@code eaw.docqa.*}, {@code EAW_DOCQA_*}).
 *
 * @param files the directory the original files are kept in
 * @param index the directory of the Lucene index (BM25 text and HNSW vectors)
 * @param maxFile the largest file accepted
 * @param maxFilesPerUpload the most files in one upload (the server's {@code server.tomcat.max-part-count} must be
 * higher, or Tomcat refuses the request before this limit can say so)
 * @param maxExpanded the most a DOCX may unpack to, all its parts together
 * @param maxXmlPart the most one XML part of a DOCX (its text, {@code word/document.xml}) may unpack to: POI holds it
 * in memory as a tree some 40 times that size
 * @param maxExtractionTime the longest reading one file's text may take; past it the document fails and the next goes
 * @param fusion how hybrid search fuses BM25 and dense results: {@code convex} or {@code rrf}
 * @param fusionWeight the weight of BM25 in the convex combination (dense gets the rest)
 * @param chunkTokens the most tokens (of the embedding model's tokenizer) in a chunk
 * @param chunkOverlap the tokens a chunk repeats from the one before it in the same section
 * @param answerThreshold the score the best sentence needs for an extractive answer (a used chunk whose cosine
 * similarity to the question is 0.10 above it answers too)
 * @param vectorStore where dense vectors are kept: {@code lucene} (embedded, with the BM25 index) or {@code chroma}
 * (a Chroma server, see {@link ChromaSettings}; BM25 stays in the local Lucene index)
 * @param ocr whether scanned PDF pages and images are read with Tesseract: {@code auto} (when the command answers at
 * start) or {@code off}
 * @param tesseract the Tesseract command (a name on the {@code PATH} or a path)
 * @param ocrLanguage Tesseract's language(s), e.g. {@code eng} or {@code eng+deu} (their traineddata must be installed)
 * @param ocrMaxPages the most pages OCR reads in one document (a PDF's pages without text, a TIFF's pages)
 * @param ocrPageTimeout the longest Tesseract may take on one page; the whole reading stays within
 * {@code maxExtractionTime}
 * @param ocrMaxPixels the largest image (width × height) OCR reads; a bigger image is refused before it is decoded and
 * a bigger PDF page is rendered at a lower resolution
 * @param retryInterval how often documents that failed because the vector store was not reachable are queued again,
 * once it answers
 */
@ConfigurationProperties("eaw.docqa")
record DocqaSettings(@DefaultValue("./data/docqa-files") Path files, @DefaultValue("./data/docqa-index") Path index,
		@DefaultValue("50MB") DataSize maxFile, @DefaultValue("50") int maxFilesPerUpload,
		@DefaultValue("100MB") DataSize maxExpanded, @DefaultValue("20MB") DataSize maxXmlPart,
		@DefaultValue("2m") Duration maxExtractionTime, @DefaultValue("convex") String fusion,
		@DefaultValue("0.5") double fusionWeight, @DefaultValue("350") int chunkTokens,
		@DefaultValue("50") int chunkOverlap, @DefaultValue("0.55") double answerThreshold,
		@DefaultValue("lucene") String vectorStore, @DefaultValue("auto") String ocr,
		@DefaultValue("tesseract") String tesseract, @DefaultValue("eng") String ocrLanguage,
		@DefaultValue("200") int ocrMaxPages, @DefaultValue("60s") Duration ocrPageTimeout,
		@DefaultValue("50000000") long ocrMaxPixels, @DefaultValue("30s") Duration retryInterval) {
}
