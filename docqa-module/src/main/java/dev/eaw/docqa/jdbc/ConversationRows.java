package dev.eaw.docqa.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code docqa.conversations} and their last turns (question and answer), oldest first. */
public final class ConversationRows {

	/** How many turns a conversation keeps. */
	public static final int KEPT = 10;

	/** A question, as asked, and its answer. */
	public record Turn(String question, String answer) {
	}

	private final JdbcClient jdbc;

	public ConversationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Makes sure the conversation exists, in the collection. */
	public void open(String id, long collectionId) {
		jdbc.sql("""
				INSERT INTO docqa.conversations (id, collection_id) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET updated_at = now()""").params(id, collectionId).update();
	}

	/** The last {@code limit} turns of the conversation in that collection, oldest first. */
	public List<Turn> last(String id, long collectionId, int limit) {
		List<Turn> newestFirst = jdbc.sql("""
				SELECT t.question, t.answer FROM docqa.conversation_turns t
				JOIN docqa.conversations c ON c.id = t.conversation_id
				WHERE t.conversation_id = ? AND c.collection_id = ?
				ORDER BY t.id DESC LIMIT ?""")
			.params(id, collectionId, limit)
			.query((rs, n) -> new Turn(rs.getString(1), rs.getString(2)))
			.list();
		List<Turn> turns = new ArrayList<>(newestFirst);
		Collections.reverse(turns);
		return turns;
	}

	/** Adds a turn and forgets all but the last {@link #KEPT}. */
	public void add(String id, String question, String answer) {
		jdbc.sql("INSERT INTO docqa.conversation_turns (conversation_id, question, answer) VALUES (?, ?, ?)")
			.params(id, question, answer)
			.update();
		jdbc.sql("""
				DELETE FROM docqa.conversation_turns WHERE conversation_id = ? AND id NOT IN
				(SELECT id FROM docqa.conversation_turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?)""")
			.params(id, id, KEPT)
			.update();
	}

}
