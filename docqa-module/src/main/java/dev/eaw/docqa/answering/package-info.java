/**
 * Internal: answers, with or without a language model. Without one, the question retrieves the best chunks (hybrid search); their
 * sentences are scored by {@code 0.65 · cosine(question, sentence) + 0.35 · lexical overlap}, the overlap being the
 * share of the question's BM25 term weight (idf) that the sentence contains; the best sentence is quoted with its
 * neighbours in the chunk (the sentence after it unless it scores 0.30 lower, the one before unless 0.20 lower: the
 * answer often sits next to the sentence that names the question's subject) and other sentences within 0.08 of it, at
 * most three, in document order, each followed by its citation number. When neither the best sentence reaches the
 * threshold nor a used chunk's cosine similarity to the question lies 0.10 above it, the answer is
 * {@link dev.eaw.docqa.Answer#NO_ANSWER}. Only sentences of the documents are ever returned.
 * <p>
 * With an LLM configured, {@code LlmAnswers} gives the same best chunks to the model as numbered sources
 * ({@code [1] title, page N: text}) with the question, instructed to answer only from them, to cite them as
 * {@code [n]} and to refuse with exactly {@link dev.eaw.docqa.Answer#NO_ANSWER}; the citations are the sources the
 * reply cites. A follow-up in a conversation is first rewritten by the model, from the last turns, into a standalone
 * question, which is what is retrieved and answered. {@code ConversationalAnswers} chooses between the two and keeps
 * the conversations' turns.
 * <p>
 * Both take Azure OpenAI On Your Data's request options ({@link dev.eaw.docqa.AskOptions}): {@code Retrieval} fetches
 * {@code top_n_documents} + 5 candidates with the chosen retrievers among the filtered documents, leaves out those whose
 * cosine similarity to the question is below the strictness threshold, uses the first {@code top_n_documents} of the
 * rest, and can list every candidate with why it was or was not used. {@code in_scope: false} gives the model a system
 * message that allows general knowledge when the sources fail; such an answer cites nothing and is marked
 * {@code grounded: false}. {@code role_information} goes before the system message's rules.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.answering;
