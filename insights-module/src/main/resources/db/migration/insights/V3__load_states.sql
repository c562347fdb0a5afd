-- Background CSV loads as the progress page sees them, kept so a load id still answers after a restart.
CREATE TABLE loads (
    id          VARCHAR(36)  PRIMARY KEY,
    dataset     TEXT         NOT NULL,
    status      VARCHAR(20)  NOT NULL CHECK (status IN ('loading', 'done', 'failed', 'interrupted')),
    total_bytes BIGINT       NOT NULL,
    rows_loaded BIGINT       NOT NULL DEFAULT 0,
    error       TEXT,
    started_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ended_at    TIMESTAMPTZ
);
