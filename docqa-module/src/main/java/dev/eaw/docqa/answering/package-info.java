/**
 * Internal: answers without a language model. The question retrieves the best chunks (hybrid search); their
 * sentences are scored by {@code 0.65 · cosine(question, sentence) + 0.35 · lexical overlap}, the overlap being the
 * share of the question's BM25 term weight (idf) that the sentence contains; up to three sentences close to the best
 * are quoted in document order, each followed by its citation number. Below the threshold the answer is
 * {@link dev.eaw.docqa.Answer#NO_ANSWER}. Only sentences of the documents are ever returned.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.answering;
