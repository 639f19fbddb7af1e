-- Caseload and homework (issue 4). All tenant-owned: clinic_id first in every index.

create table client (
    id                char(36)     not null,
    clinic_id         char(36)     not null,
    therapist_id      char(36)     not null,
    account_id        char(36),
    invitation_id     char(36),
    display_name      varchar(120) not null,
    email             varchar(254) not null,
    time_zone         varchar(64)  not null,
    language          varchar(8)   not null,
    next_session_on   date,
    simplified        boolean      not null,
    status            varchar(16)  not null,
    last_activity_at  datetime(6),
    created_at        datetime(6)  not null,
    archived_at       datetime(6),
    version           bigint       not null,
    constraint pk_client primary key (id),
    constraint fk_client_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_client_clinic_email unique (clinic_id, email)
);
create index ix_client_clinic_therapist on client (clinic_id, therapist_id, status);
create index ix_client_clinic_account on client (clinic_id, account_id);

create table client_goal (
    id          char(36)     not null,
    clinic_id   char(36)     not null,
    client_id   char(36)     not null,
    text        varchar(300) not null,
    status      varchar(16)  not null,
    created_at  datetime(6)  not null,
    version     bigint       not null,
    constraint pk_client_goal primary key (id),
    constraint fk_client_goal_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_client_goal_client foreign key (client_id) references client (id)
);
create index ix_client_goal_client on client_goal (clinic_id, client_id);

create table assignment (
    id                   char(36)      not null,
    clinic_id            char(36)      not null,
    client_id            char(36)      not null,
    therapist_id         char(36)      not null,
    -- the worksheet version it was given: a clinic version or a built-in version, never changed
    worksheet_version_id char(36)      not null,
    worksheet_builtin    boolean       not null,
    title                varchar(120)  not null,
    rationale            varchar(2000) not null,
    plan_what            varchar(1000) not null,
    plan_when            varchar(300)  not null,
    plan_where           varchar(300)  not null,
    schedule_kind        varchar(16)   not null,
    start_date           date          not null,
    end_date             date,
    times                int,
    time_of_day          time          not null,
    weekdays             varchar(40),
    every_days           int,
    time_zone            varchar(64)   not null,
    obstacles            varchar(200)  not null,
    obstacle_other       varchar(300)  not null,
    backup_plan          varchar(1000) not null,
    confidence           int           not null,
    confidence_prompted  boolean       not null,
    plan_changed         boolean       not null,
    difficulty           int           not null,
    goal_id              char(36),
    status               varchar(16)   not null,
    created_at           datetime(6)   not null,
    ended_at             datetime(6),
    version              bigint        not null,
    constraint pk_assignment primary key (id),
    constraint fk_assignment_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_assignment_client foreign key (client_id) references client (id)
);
create index ix_assignment_client on assignment (clinic_id, client_id, status);

create table occurrence (
    id             char(36)    not null,
    clinic_id      char(36)    not null,
    assignment_id  char(36)    not null,
    client_id      char(36)    not null,
    -- when it is due, in UTC, computed from the client's local date and time of day
    due_at         datetime(6) not null,
    local_date     date        not null,
    status         varchar(16) not null,
    completed_at   datetime(6),
    version        bigint      not null,
    constraint pk_occurrence primary key (id),
    constraint fk_occurrence_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_occurrence_assignment foreign key (assignment_id) references assignment (id)
);
create index ix_occurrence_client_due on occurrence (clinic_id, client_id, due_at);
create index ix_occurrence_assignment on occurrence (clinic_id, assignment_id, due_at);

create table entry (
    id                char(36)      not null,
    clinic_id         char(36)      not null,
    occurrence_id     char(36)      not null,
    assignment_id     char(36)      not null,
    client_id         char(36)      not null,
    answers           mediumtext    not null,
    state             varchar(16)   not null,
    saved_at          datetime(6)   not null,
    submitted_at      datetime(6),
    score_total       int,
    score_band        varchar(60),
    alert_count       int           not null,
    percent_done      int,
    reflection_difficulty int,
    reflection_helpful    int,
    reflection_obstacles  varchar(200),
    reflection_note   varchar(2000),
    reviewed_at       datetime(6),
    reviewed_by       char(36),
    feedback          varchar(4000),
    answer_feedback   mediumtext,
    version           bigint        not null,
    constraint pk_entry primary key (id),
    constraint fk_entry_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_entry_occurrence foreign key (occurrence_id) references occurrence (id),
    constraint uk_entry_occurrence unique (clinic_id, occurrence_id)
);
create index ix_entry_client on entry (clinic_id, client_id, state);
create index ix_entry_review on entry (clinic_id, state, reviewed_at, submitted_at);

create table change_request (
    id             char(36)      not null,
    clinic_id      char(36)      not null,
    assignment_id  char(36)      not null,
    client_id      char(36)      not null,
    reason         varchar(16)   not null,
    note           varchar(1000) not null,
    created_at     datetime(6)   not null,
    resolved_at    datetime(6),
    version        bigint        not null,
    constraint pk_change_request primary key (id),
    constraint fk_change_request_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_change_request_assignment foreign key (assignment_id) references assignment (id)
);
create index ix_change_request_client on change_request (clinic_id, client_id, resolved_at);

create table safety_alert (
    id               char(36)      not null,
    clinic_id        char(36)      not null,
    entry_id         char(36)      not null,
    client_id        char(36)      not null,
    therapist_id     char(36)      not null,
    label            varchar(200)  not null,
    alert_value      int           not null,
    raised_at        datetime(6)   not null,
    acknowledged_at  datetime(6),
    acknowledged_by  char(36),
    note             varchar(1000),
    version          bigint        not null,
    constraint pk_safety_alert primary key (id),
    constraint fk_safety_alert_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_safety_alert_entry foreign key (entry_id) references entry (id)
);
create index ix_safety_alert_open on safety_alert (clinic_id, acknowledged_at, therapist_id);

-- clinic settings the homework loop needs
alter table clinic add column confidence_threshold int not null default 7;
alter table clinic add column grace_hours int not null default 24;
alter table clinic add column crisis_message varchar(1000);
