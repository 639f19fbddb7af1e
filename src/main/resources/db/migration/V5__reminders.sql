-- Reminders and email delivery (issue 5). Tenant-owned tables: clinic_id first in every index.

-- The client's reminder preferences. No row: the clinic's defaults apply.
create table reminder_preference (
    id                char(36)     not null,
    clinic_id         char(36)     not null,
    client_id         char(36)     not null,
    enabled           boolean      not null,
    -- null: at the time the therapist planned; else this local time on the due day
    preferred_time    time,
    quiet_start       time,
    quiet_end         time,
    unsubscribed_at   datetime(6),
    -- the secret in the one-click unsubscribe link (works without signing in)
    unsubscribe_token varchar(64)  not null,
    updated_at        datetime(6)  not null,
    version           bigint       not null,
    constraint pk_reminder_preference primary key (id),
    constraint fk_reminder_preference_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_reminder_preference_client foreign key (client_id) references client (id),
    constraint uk_reminder_preference_client unique (clinic_id, client_id),
    constraint uk_reminder_preference_token unique (unsubscribe_token)
);

-- A client's choice for one assignment: no reminders for it, or another time.
create table reminder_override (
    id             char(36)    not null,
    clinic_id      char(36)    not null,
    client_id      char(36)    not null,
    assignment_id  char(36)    not null,
    enabled        boolean     not null,
    time_of_day    time,
    version        bigint      not null,
    constraint pk_reminder_override primary key (id),
    constraint fk_reminder_override_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_reminder_override_assignment foreign key (assignment_id) references assignment (id),
    constraint uk_reminder_override unique (clinic_id, assignment_id)
);
create index ix_reminder_override_client on reminder_override (clinic_id, client_id);

-- The outbox: every reminder and notification email, written in the transaction that causes it,
-- and afterwards its delivery log (sent, failed, cancelled — never a body).
create table reminder (
    id               char(36)     not null,
    clinic_id        char(36)     not null,
    kind             varchar(16)  not null,
    -- a client reminder names the client (and usually the occurrence); a digest names a staff account
    client_id        char(36),
    occurrence_id    char(36),
    account_id       char(36),
    due_at           datetime(6)  not null,
    state            varchar(16)  not null,
    attempts         int          not null,
    next_attempt_at  datetime(6)  not null,
    last_error       varchar(200),
    sent_at          datetime(6),
    created_at       datetime(6)  not null,
    updated_at       datetime(6)  not null,
    version          bigint       not null,
    constraint pk_reminder primary key (id),
    constraint fk_reminder_clinic foreign key (clinic_id) references clinic (id)
);
create index ix_reminder_clinic_due on reminder (clinic_id, state, next_attempt_at);
create index ix_reminder_clinic_client on reminder (clinic_id, client_id, due_at);
create index ix_reminder_clinic_occurrence on reminder (clinic_id, occurrence_id);

-- Clinic-wide reminder rules and the defaults for clients who have not chosen.
alter table clinic add column reminders_default_on boolean not null default true;
alter table clinic add column default_quiet_start time;
alter table clinic add column default_quiet_end time;
alter table clinic add column due_soon_hours int not null default 0;
alter table clinic add column overdue_hours int not null default 0;
alter table clinic add column weekly_summary boolean not null default false;
update clinic set default_quiet_start = '21:30:00', default_quiet_end = '08:00:00';

-- Staff: when the daily digest comes (in their time zone); null means no digest.
alter table account add column digest_time time;
alter table account add column time_zone varchar(64);

-- db-scheduler's table (its MySQL schema, with DATETIME(6) in UTC so H2, MySQL and MariaDB agree).
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(100) not null,
    task_data            blob,
    execution_time       datetime(6)  not null,
    picked               boolean      not null,
    picked_by            varchar(50),
    last_success         datetime(6),
    last_failure         datetime(6),
    consecutive_failures int,
    last_heartbeat       datetime(6),
    version              bigint       not null,
    priority             smallint,
    constraint pk_scheduled_tasks primary key (task_name, task_instance)
);
create index ix_scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index ix_scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index ix_scheduled_tasks_priority_time on scheduled_tasks (priority, execution_time);
