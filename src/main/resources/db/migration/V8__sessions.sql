-- Sessions and automatic logoff (issue 11). Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

-- A clinic's automatic logoff limits, set by its admin. No row: the defaults apply (30 minutes without
-- activity, 12 hours in all). One row per clinic at most.
create table session_policy (
    id               char(36)    not null,
    clinic_id        char(36)    not null,
    idle_minutes     int         not null,
    absolute_minutes int         not null,
    updated_at       datetime(6) not null,
    version          bigint      not null,
    constraint pk_session_policy primary key (id),
    constraint fk_session_policy_clinic foreign key (clinic_id) references clinic (id),
    constraint uk_session_policy_clinic unique (clinic_id)
);

-- Bumped to end every session of the platform operator (as account.session_stamp does for clinic accounts).
alter table platform_operator add column session_stamp int default 0 not null;

-- A change of sign-in email waits here, on its emailed confirmation token, until the link is opened.
alter table account_token add column new_email varchar(254);
