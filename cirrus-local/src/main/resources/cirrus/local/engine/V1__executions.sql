-- Workflow executions of the local engine: one row per execution, its latest interpreter snapshot,
-- and (engine_executions.reported) whether update-state has seen its end.
CREATE TABLE IF NOT EXISTS engine_executions (
    arn          TEXT PRIMARY KEY,
    workflow     TEXT NOT NULL,
    name         TEXT NOT NULL,
    payload_id   TEXT,
    status       TEXT NOT NULL,
    input        TEXT NOT NULL,
    output       TEXT,
    error        TEXT,
    cause        TEXT,
    snapshot     TEXT NOT NULL,
    start_time   INTEGER NOT NULL,  -- epoch milliseconds
    stop_time    INTEGER,
    reported     INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS engine_executions_by_status ON engine_executions (status);
CREATE INDEX IF NOT EXISTS engine_executions_unreported ON engine_executions (stop_time) WHERE reported = 0;
CREATE INDEX IF NOT EXISTS engine_executions_by_payload ON engine_executions (payload_id, start_time);
CREATE INDEX IF NOT EXISTS engine_executions_by_start ON engine_executions (start_time);

-- The work a running execution waits for: task invocations and timers, written in the same
-- transaction as the snapshot that asked for them, deleted with the snapshot that consumed them.
CREATE TABLE IF NOT EXISTS engine_commands (
    arn      TEXT NOT NULL,
    token    TEXT NOT NULL,
    kind     TEXT NOT NULL,    -- TASK or TIMER
    request  TEXT,             -- the task request (JSON)
    due      INTEGER,          -- timers: real time (epoch ms) at which to fire
    job_id   TEXT,             -- Batch tasks: the submitted job
    PRIMARY KEY (arn, token)
) WITHOUT ROWID;

-- Execution history, GetExecutionHistory-shaped events.
CREATE TABLE IF NOT EXISTS engine_history (
    arn   TEXT NOT NULL,
    id    INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (arn, id)
) WITHOUT ROWID;
