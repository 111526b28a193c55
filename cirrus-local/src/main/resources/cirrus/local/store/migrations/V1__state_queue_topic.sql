-- State table: the cirrus v0.15.4 DynamoDB item, one row per payload id.
CREATE TABLE state_items (
    collections_workflow TEXT NOT NULL,
    itemids              TEXT NOT NULL,
    state                TEXT NOT NULL,
    state_updated        TEXT NOT NULL,  -- "<STATE>_<iso timestamp>", like the v0.15.4 GSI key
    created              TEXT NOT NULL,
    updated              TEXT NOT NULL,
    executions           TEXT NOT NULL DEFAULT '[]',  -- JSON array of execution ARNs
    execution_count      INTEGER NOT NULL DEFAULT 0,
    outputs              TEXT,                        -- JSON array of URLs, NULL when absent
    last_error           TEXT,
    claimed_at           TEXT,
    PRIMARY KEY (collections_workflow, itemids)
) WITHOUT ROWID;

-- The two GSIs of the v0.15.4 table, item ids as tie-breaker for stable paging.
CREATE INDEX state_items_by_state_updated ON state_items (collections_workflow, state_updated, itemids);
CREATE INDEX state_items_by_updated ON state_items (collections_workflow, updated, itemids);

-- Queues: at-least-once messages with visibility timeouts and redrive.
CREATE TABLE queue_messages (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    queue          TEXT NOT NULL,
    message_id     TEXT NOT NULL UNIQUE,
    body           TEXT NOT NULL,
    sent_at        INTEGER NOT NULL,  -- epoch milliseconds
    visible_at     INTEGER NOT NULL,  -- epoch milliseconds
    receive_count  INTEGER NOT NULL DEFAULT 0,
    receipt_handle TEXT UNIQUE
);
CREATE INDEX queue_messages_visible ON queue_messages (queue, visible_at, seq);

-- Topics: every published message is kept (the local dashboard and tests read them).
CREATE TABLE topic_messages (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic        TEXT NOT NULL,
    message_id   TEXT NOT NULL UNIQUE,
    body         TEXT NOT NULL,
    attributes   TEXT NOT NULL,  -- JSON object name -> {"Type", "Value"}
    published_at TEXT NOT NULL
);
CREATE INDEX topic_messages_by_topic ON topic_messages (topic, seq);

-- SNS-to-SQS subscriptions: a message published to the topic is sent to the queue in the SNS envelope.
CREATE TABLE topic_subscriptions (
    topic TEXT NOT NULL,
    queue TEXT NOT NULL,
    PRIMARY KEY (topic, queue)
) WITHOUT ROWID;
