/**
 * Internal: cutting extracted text into chunks by its structure. Headings open sections, and so does a new page of a
 * PDF: a chunk never spans two, so a citation names the page its text is on. Paragraphs are packed up to a token
 * budget measured with the embedding model's own tokenizer; a paragraph over the budget is cut at sentence boundaries
 * (a sentence over it at word boundaries); consecutive chunks of one section overlap by a few whole sentences. Every
 * chunk is a span of the extracted text (offsets kept), knows the page it starts on and its heading path
 * ("Guide › Install").
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.chunking;
