-- The role user SQL runs as: it may read the dataset tables and nothing else.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'eaw_insights_reader') THEN
        CREATE ROLE eaw_insights_reader NOLOGIN;
    END IF;
END
$$;
GRANT eaw_insights_reader TO CURRENT_USER;
ALTER ROLE eaw_insights_reader SET default_transaction_read_only = on;
ALTER ROLE eaw_insights_reader SET statement_timeout = '180s';
REVOKE ALL ON SCHEMA insights_data FROM PUBLIC;
GRANT USAGE ON SCHEMA insights_data TO eaw_insights_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA insights_data TO eaw_insights_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA insights_data GRANT SELECT ON TABLES TO eaw_insights_reader;

-- Results of AI functions by (function, model version, input hash): a repeated query over the same rows is fast.
CREATE TABLE ai_cache (
    function      VARCHAR(40)  NOT NULL,
    model_version VARCHAR(120) NOT NULL,
    input_hash    CHAR(64)     NOT NULL,
    result        TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (function, model_version, input_hash)
);

-- Every query run in the workbench, and the ones people saved (optionally pinned to the dashboard as a chart).
CREATE TABLE query_history (
    id         BIGSERIAL PRIMARY KEY,
    username   VARCHAR(64) NOT NULL,
    sql_text   TEXT        NOT NULL,
    row_count  BIGINT,
    elapsed_ms BIGINT      NOT NULL,
    error      TEXT,
    run_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX query_history_user ON query_history (username, run_at DESC);

CREATE TABLE saved_queries (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL UNIQUE,
    sql_text    TEXT         NOT NULL,
    chart       VARCHAR(20)  NOT NULL DEFAULT 'table' CHECK (chart IN ('table', 'line', 'bar', 'scatter')),
    x_column    VARCHAR(63),
    y_columns   VARCHAR(500),
    pinned      BOOLEAN      NOT NULL DEFAULT FALSE,
    position    INT          NOT NULL DEFAULT 0,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Facts the module keeps about itself, e.g. that the demo samples were created once (and may be deleted since).
CREATE TABLE app_state (
    key   VARCHAR(100) PRIMARY KEY,
    value TEXT         NOT NULL,
    at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
