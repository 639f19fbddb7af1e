-- Data rights (issue 11): the clinic's retention rule, clients' erasure requests, and whole-clinic exports.
-- Portable SQL for H2 (MySQL mode), MySQL and MariaDB (decision 0009). Tenant-owned: clinic_id first in indexes.

-- "Keep records for N days after erasure is requested": one row per clinic; no row means 0 days.
create table data_retention (
    id          char(36)    not null,
    clinic_id   char(36)    not null,
    keep_days   int         not null,
    updated_at  datetime(6) not null,
    version     bigint      not null,
    constraint pk_data_retention primary key (id),
    constraint fk_data_retention_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_data_retention_clinic unique (clinic_id)
);

-- A client's request to erase their account and data. Holds ids and dates only, never a name or an
-- email, so it stays as the record that the erasure happened (the client row itself is gone then:
-- client_id has no foreign key on purpose).
create table erasure_request (
    id            char(36)    not null,
    clinic_id     char(36)    not null,
    client_id     char(36)    not null,
    requested_by  char(36),
    requested_at  datetime(6) not null,
    state         varchar(16) not null,
    confirmed_by  char(36),
    confirmed_at  datetime(6),
    keep_days     int,
    erase_at      datetime(6),
    erased_at     datetime(6),
    withdrawn_at  datetime(6),
    version       bigint      not null,
    constraint pk_erasure_request primary key (id),
    constraint fk_erasure_request_clinic foreign key (clinic_id) references clinic (id)
);
create index ix_erasure_request_due on erasure_request (clinic_id, state, erase_at);
create index ix_erasure_request_client on erasure_request (clinic_id, client_id);

-- A clinic admin's export of the whole clinic: a background job with its progress, then a ZIP that only
-- that admin can download (SHA-256 of the link's token) until expires_at, when the file is removed.
create table clinic_export (
    id            char(36)    not null,
    clinic_id     char(36)    not null,
    requested_by  char(36)    not null,
    token_hash    char(64)    not null,
    state         varchar(16) not null,
    progress      int         not null,
    size_bytes    bigint,
    started_at    datetime(6) not null,
    updated_at    datetime(6) not null,
    finished_at   datetime(6),
    expires_at    datetime(6),
    version       bigint      not null,
    constraint pk_clinic_export primary key (id),
    constraint fk_clinic_export_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_clinic_export_token unique (token_hash)
);
create index ix_clinic_export_state on clinic_export (clinic_id, state, expires_at);

-- The export's file, apart from its status row so that polling the progress never reads the file.
create table clinic_export_file (
    id          char(36)    not null,
    clinic_id   char(36)    not null,
    export_id   char(36)    not null,
    content     longblob    not null,
    version     bigint      not null,
    constraint pk_clinic_export_file primary key (id),
    constraint fk_clinic_export_file_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_clinic_export_file_export foreign key (export_id) references clinic_export (id),
    constraint uk_clinic_export_file_export unique (clinic_id, export_id)
);
