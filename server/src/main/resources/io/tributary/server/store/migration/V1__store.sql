-- Workspaces, sources, destinations, connections, jobs and attempts of the Tributary service.
CREATE TABLE workspace (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    slug        text        NOT NULL,
    email       text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Sources and destinations ("actors" in Airbyte's words): a connector type and its settings.
CREATE TABLE actor (
    id             uuid PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('source', 'destination')),
    workspace_id   uuid        NOT NULL REFERENCES workspace (id),
    name           text        NOT NULL,
    connector_type text        NOT NULL,
    configuration  jsonb       NOT NULL,
    tombstone      boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actor_by_workspace ON actor (workspace_id, kind);

CREATE TABLE connection (
    id                     uuid PRIMARY KEY,
    workspace_id           uuid        NOT NULL REFERENCES workspace (id),
    name                   text        NOT NULL,
    source_id              uuid        NOT NULL REFERENCES actor (id),
    destination_id         uuid        NOT NULL REFERENCES actor (id),
    status                 text        NOT NULL CHECK (status IN ('active', 'inactive', 'deprecated')),
    namespace_definition   text        NOT NULL,
    namespace_format       text,
    prefix                 text        NOT NULL DEFAULT '',
    sync_catalog           jsonb       NOT NULL,
    schedule_type          text        NOT NULL CHECK (schedule_type IN ('manual', 'basic', 'cron')),
    schedule_units         bigint,
    schedule_time_unit     text,
    cron_expression        text,
    cron_time_zone         text,
    chunk_size             integer     NOT NULL,
    max_attempts           integer     NOT NULL,
    retry_backoff_seconds  integer     NOT NULL,
    consecutive_failures   integer     NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE job (
    id               bigserial PRIMARY KEY,
    config_type      text        NOT NULL CHECK (config_type IN ('sync', 'reset_connection')),
    connection_id    uuid        NOT NULL REFERENCES connection (id),
    status           text        NOT NULL CHECK (status IN ('pending', 'running', 'incomplete', 'failed', 'succeeded', 'cancelled')),
    cancel_requested boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_by_connection ON job (connection_id, id DESC);
-- At most one job in progress per connection, whichever node asks: the second request gets 409.
CREATE UNIQUE INDEX job_one_in_progress_per_connection ON job (connection_id)
    WHERE status IN ('pending', 'running', 'incomplete');

CREATE TABLE attempt (
    job_id           bigint      NOT NULL REFERENCES job (id),
    attempt_number   integer     NOT NULL,
    status           text        NOT NULL CHECK (status IN ('running', 'failed', 'succeeded')),
    owner            text        NOT NULL,
    job_execution_id bigint,
    records_synced   bigint      NOT NULL DEFAULT 0,
    bytes_synced     bigint      NOT NULL DEFAULT 0,
    failure          text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    PRIMARY KEY (job_id, attempt_number)
);

CREATE TABLE attempt_log (
    id             bigserial PRIMARY KEY,
    job_id         bigint      NOT NULL,
    attempt_number integer     NOT NULL,
    logged_at      timestamptz NOT NULL,
    line           text        NOT NULL,
    FOREIGN KEY (job_id, attempt_number) REFERENCES attempt (job_id, attempt_number)
);
CREATE INDEX attempt_log_by_attempt ON attempt_log (job_id, attempt_number, id);

-- Bearer tokens issued to API clients, kept as SHA-256 hashes so the table holds nothing usable.
CREATE TABLE access_token (
    token_hash text PRIMARY KEY,
    client_id  text        NOT NULL,
    expires_at timestamptz NOT NULL
);
