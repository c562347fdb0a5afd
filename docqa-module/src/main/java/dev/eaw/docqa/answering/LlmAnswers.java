package dev.eaw.docqa.answering;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.Answer;
import dev.eaw.docqa.Answer.Usage;
import dev.eaw.docqa.AnswerListener;
import dev.eaw.docqa.AskOptions;
import dev.eaw.docqa.Citation;
import dev.eaw.docqa.SearchHit;
import dev.eaw.docqa.jdbc.ConversationRows.Turn;
import dev.eaw.docqa.retrieval.HybridSearch;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Answers written by the language model from the retrieved chunks, given to it as numbered sources; a follow-up is
 * first rewritten into a standalone question from the conversation so far (see the package notes).
 */
public final class LlmAnswers {

	static final String SYSTEM = """
			You answer questions about a collection of documents. Use only the numbered sources given with the \
			question, never other knowledge. Cite the sources each statement comes from by their numbers in square \
			brackets, like [1] or [1][2]. Keep the answer short. If the sources do not contain the answer, reply \
			exactly with this sentence and nothing else: """ + Answer.NO_ANSWER;

	/** The system message with {@code in_scope: false}: the sources first, general knowledge when they fail. */
	static final String OPEN = """
			You answer questions about a collection of documents. Answer from the numbered sources given with the \
			question where they hold the answer, and cite the sources each statement comes from by their numbers in \
			square brackets, like [1] or [1][2]. If the sources do not contain the answer, answer from your general \
			knowledge and cite no source. Keep the answer short.""";

	static final String REWRITE = """
			Rewrite the user's follow-up question into a standalone question that can be understood without the \
			conversation, resolving pronouns and references from it. Reply with the standalone question only.""";

	/** A citation: {@code [1]}, or several numbers in one pair of brackets, {@code [1, 2]}. */
	private static final Pattern CITED = Pattern.compile("\\[(\\d+(?:\\s*[,;]\\s*\\d+)*)]");

	/** How many past turns the rewrite sees. */
	static final int HISTORY = 4;

	private static final int SNIPPET = 400;

	private final HybridSearch search;

	private final LlmChat llm;

	private final MeterRegistry meters;

	public LlmAnswers(HybridSearch search, LlmChat llm, MeterRegistry meters) {
		this.search = search;
		this.llm = llm;
		this.meters = meters;
	}

	/** The answer to a checked question of an existing collection, with the conversation so far (oldest first). */
	public Answer ask(long collectionId, String question, List<Turn> history, AskOptions options,
			AnswerListener listener) {
		long started = System.nanoTime();
		Usage usage = Usage.NONE;
		String standalone = question;
		@Nullable String rewritten = null;
		if (!history.isEmpty()) {
			LlmChat.Reply rewrite = llm.chat(List.of(SystemMessage.from(REWRITE), UserMessage.from(rewrite(history, question))));
			usage = usage.plus(rewrite.usage());
			if (!rewrite.text().isBlank()) {
				standalone = rewrite.text().strip();
				rewritten = standalone;
			}
		}
		Retrieval.Result retrieved = Retrieval.retrieve(search, collectionId, standalone,
				search.embedder(collectionId).embed(standalone), options);
		List<SearchHit> hits = retrieved.used();
		listener.retrieved(hits);
		String text;
		if (hits.isEmpty() && options.inScope()) {
			text = Answer.NO_ANSWER;
			listener.text(text);
		}
		else {
			List<ChatMessage> messages = List.of(SystemMessage.from(system(options)),
					UserMessage.from(prompt(hits, standalone)));
			LlmChat.Reply reply = listener.streaming() ? llm.stream(messages, listener::token) : llm.chat(messages);
			usage = usage.plus(reply.usage());
			text = reply.text().strip();
			if (!listener.streaming()) {
				listener.text(text);
			}
		}
		count(usage);
		List<Citation> citations = refusal(text) ? List.of() : cited(text, hits);
		boolean grounded = options.inScope() || !citations.isEmpty() || refusal(text);
		Answer answer = new Answer(text, citations, "llm", ExtractiveAnswers.millis(started), usage, null, rewritten, null,
				grounded, grounded ? null : Answer.GENERAL_KNOWLEDGE, retrieved.contexts(citations, options));
		return retrieved.notice() == null ? answer : answer.withNotice(retrieved.notice(), retrieved.degraded());
	}

	/** The system message: the role information first when given, then the rules for sources and citations. */
	static String system(AskOptions options) {
		String rules = options.inScope() ? SYSTEM : OPEN;
		return options.roleInformation() == null ? rules : options.roleInformation().strip() + "\n\n" + rules;
	}

	/** The user message of the rewrite: the conversation, then the follow-up. */
	static String rewrite(List<Turn> history, String question) {
		StringBuilder prompt = new StringBuilder("Conversation:\n");
		for (Turn turn : history.subList(Math.max(0, history.size() - HISTORY), history.size())) {
			prompt.append("User: ").append(turn.question()).append('\n');
			prompt.append("Assistant: ").append(turn.answer()).append('\n');
		}
		return prompt.append("\nFollow-up question: ").append(question).append("\nStandalone question:").toString();
	}

	/** The user message of the answer: the numbered sources ({@code [1] title, page N: text}), then the question. */
	static String prompt(List<SearchHit> hits, String question) {
		StringBuilder prompt = new StringBuilder(hits.isEmpty() ? "Sources: none\n" : "Sources:\n");
		for (int i = 0; i < hits.size(); i++) {
			SearchHit hit = hits.get(i);
			prompt.append('[').append(i + 1).append("] ").append(hit.title());
			if (hit.page() != null) {
				prompt.append(", page ").append(hit.page());
			}
			prompt.append(": ").append(hit.text().replaceAll("\\s+", " ").strip()).append('\n');
		}
		return prompt.append("\nQuestion: ").append(question).toString();
	}

	/** Whether the model refused: its reply is (or starts with) the refusal sentence. */
	static boolean refusal(String text) {
		return text.startsWith(Answer.NO_ANSWER) || text.startsWith(Answer.NO_ANSWER.replace(".", ""));
	}

	/** The sources the text cites as {@code [n]}, by number; numbers that are no source are ignored. */
	static List<Citation> cited(String text, List<SearchHit> hits) {
		TreeSet<Integer> numbers = new TreeSet<>();
		Matcher matcher = CITED.matcher(text);
		while (matcher.find()) {
			for (String number : matcher.group(1).split("\\s*[,;]\\s*")) {
				int n = Integer.parseInt(number);
				if (n >= 1 && n <= hits.size()) {
					numbers.add(n);
				}
			}
		}
		List<Citation> citations = new ArrayList<>();
		for (int n : numbers) {
			SearchHit hit = hits.get(n - 1);
			String snippet = hit.text().length() <= SNIPPET ? hit.text() : hit.text().substring(0, SNIPPET) + "…";
			citations.add(new Citation(n, hit, snippet, hit.score()));
		}
		return citations;
	}

	private void count(Usage usage) {
		meters.counter("eaw.docqa.llm.tokens", "kind", "prompt").increment(usage.prompt());
		meters.counter("eaw.docqa.llm.tokens", "kind", "completion").increment(usage.completion());
	}

}
