-- Client safety as each clinic sets it (issue 13). Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

-- The clinic's crisis text, one per language (the client reads the one in their language). It moves off the
-- tenant row, where it existed in one language only: the old text becomes the clinic's default language's.
create table crisis_line (
    id          char(36)      not null,
    clinic_id   char(36)      not null,
    language    varchar(8)    not null,
    message     varchar(1000) not null,
    updated_at  datetime(6)   not null,
    version     bigint        not null,
    constraint pk_crisis_line primary key (id),
    constraint fk_crisis_line_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_crisis_line_language unique (clinic_id, language)
);

-- one line per clinic at most here, so the clinic's id is a unique id for it
insert into crisis_line (id, clinic_id, language, message, updated_at, version)
select id, id, default_language, crisis_message, created_at, 0
from clinic
where crisis_message is not null and trim(crisis_message) <> '';

alter table clinic drop column crisis_message;

-- What clients see of their own scores: NOTHING, MEANING or SCORE_AND_BAND. No row: MEANING.
create table score_policy (
    id            char(36)    not null,
    clinic_id     char(36)    not null,
    client_scores varchar(20) not null,
    updated_at    datetime(6) not null,
    version       bigint      not null,
    constraint pk_score_policy primary key (id),
    constraint fk_score_policy_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_score_policy_clinic unique (clinic_id)
);

-- What the client was told when the alert was raised: null for the crisis text (self-harm and every rule
-- without its own message), else the worksheet author's message for that rule. Today's banner shows the
-- crisis text only while an open alert is a crisis one.
alter table safety_alert add column client_message varchar(500);
