-- Homeward foundation schema. Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11:
-- ids are UUIDs stored as CHAR(36), times are UTC DATETIME(6), enums are VARCHAR.
-- Every tenant-owned table has clinic_id (FK to clinic) as the first column of its indexes.

create table clinic (
    id                char(36)     not null,
    slug              varchar(40)  not null,
    name              varchar(120) not null,
    status            varchar(32)  not null,
    time_zone         varchar(64)  not null,
    default_language  varchar(8)   not null,
    accent_color      varchar(7)   not null,
    logo              mediumblob,
    logo_content_type varchar(32),
    created_at        datetime(6)  not null,
    version           bigint       not null,
    constraint pk_clinic primary key (id),
    constraint uk_clinic_slug unique (slug)
);

create table account (
    id              char(36)     not null,
    clinic_id       char(36)     not null,
    email           varchar(254) not null,
    display_name    varchar(120) not null,
    role            varchar(32)  not null,
    status          varchar(32)  not null,
    password_hash   varchar(255),
    language        varchar(8),
    session_stamp   int          not null,
    created_at      datetime(6)  not null,
    last_sign_in_at datetime(6),
    version         bigint       not null,
    constraint pk_account primary key (id),
    constraint fk_account_clinic foreign key (clinic_id) references clinic (id),
    -- emails are stored lower-cased, so this is case-insensitive uniqueness per clinic
    constraint uk_account_clinic_email unique (clinic_id, email)
);

create table account_token (
    id          char(36)    not null,
    clinic_id   char(36)    not null,
    account_id  char(36)    not null,
    purpose     varchar(32) not null,
    -- SHA-256 of the token in hex: the token itself is only ever in the email
    token_hash  char(64)    not null,
    expires_at  datetime(6) not null,
    used_at     datetime(6),
    created_at  datetime(6) not null,
    version     bigint      not null,
    constraint pk_account_token primary key (id),
    constraint fk_account_token_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_account_token_account foreign key (account_id) references account (id),
    constraint uk_account_token_hash unique (token_hash)
);
create index ix_account_token_account on account_token (clinic_id, account_id);

create table invitation (
    id           char(36)     not null,
    clinic_id    char(36)     not null,
    email        varchar(254) not null,
    display_name varchar(120) not null,
    role         varchar(32)  not null,
    token_hash   char(64)     not null,
    invited_by   char(36),
    expires_at   datetime(6)  not null,
    accepted_at  datetime(6),
    revoked_at   datetime(6),
    created_at   datetime(6)  not null,
    version      bigint       not null,
    constraint pk_invitation primary key (id),
    constraint fk_invitation_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_invitation_token_hash unique (token_hash)
);
create index ix_invitation_email on invitation (clinic_id, email);

-- Global: the people who run the service. Bootstrapped from the environment, never from the web.
create table platform_operator (
    id            char(36)     not null,
    email         varchar(254) not null,
    display_name  varchar(120) not null,
    password_hash varchar(255) not null,
    created_at    datetime(6)  not null,
    version       bigint       not null,
    constraint pk_platform_operator primary key (id),
    constraint uk_platform_operator_email unique (email)
);

-- Append-only record of operator actions (who, what, which clinic); never personal or clinical data.
create table audit_event (
    id          char(36)     not null,
    occurred_at datetime(6)  not null,
    actor       varchar(254) not null,
    action      varchar(64)  not null,
    clinic_id   char(36),
    detail      varchar(500),
    constraint pk_audit_event primary key (id)
);
create index ix_audit_event_occurred on audit_event (occurred_at);
