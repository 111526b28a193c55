-- Local Batch emulator: jobs and job definition revisions. The JSON columns hold the whole record;
-- the other columns exist to index and filter.
CREATE TABLE batch_jobs (
    job_id     TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL UNIQUE,
    job_queue  TEXT NOT NULL,
    status     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    detail     TEXT NOT NULL
);
CREATE INDEX batch_jobs_by_queue_status ON batch_jobs (job_queue, status, seq);
CREATE INDEX batch_jobs_by_status ON batch_jobs (status, seq);
CREATE TABLE batch_job_definitions (
    name       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    status     TEXT NOT NULL,
    definition TEXT NOT NULL,
    PRIMARY KEY (name, revision)
);
