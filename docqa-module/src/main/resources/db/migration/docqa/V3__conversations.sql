-- Conversations of the chat page: the last few turns, used to rewrite a follow-up into a standalone question.
CREATE TABLE conversations (
    id            VARCHAR(100) PRIMARY KEY,
    collection_id BIGINT      NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE conversation_turns (
    id              BIGSERIAL PRIMARY KEY,
    conversation_id VARCHAR(100) NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    question        TEXT        NOT NULL,
    answer          TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX conversation_turns_conversation ON conversation_turns (conversation_id, id);
