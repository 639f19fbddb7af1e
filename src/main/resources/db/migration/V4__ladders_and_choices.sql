-- Step ladders (the steps of an exposure hierarchy, one assignment per step) and a choice of tasks
-- offered to the client. Portable SQL for H2 (MySQL mode) and MySQL/MariaDB, as in V3.

-- a ladder's steps share ladder_id and ladder_title; each step has its own title (the step text)
alter table assignment add column ladder_id char(36);
alter table assignment add column ladder_title varchar(120);
alter table assignment add column ladder_step int;
alter table assignment add column ladder_size int;
-- when a waiting step opened or the client made their choice
alter table assignment add column opened_at datetime(6);
alter table assignment add column chosen_at datetime(6);
create index ix_assignment_ladder on assignment (clinic_id, ladder_id, ladder_step);

-- the worksheets offered in a choice of tasks, in the order the therapist gave them
create table assignment_option (
    id                   char(36)      not null,
    clinic_id            char(36)      not null,
    assignment_id        char(36)      not null,
    option_position      int           not null,
    worksheet_version_id char(36)      not null,
    worksheet_builtin    boolean       not null,
    title                varchar(120)  not null,
    rationale            varchar(2000) not null,
    version              bigint        not null,
    constraint pk_assignment_option primary key (id),
    constraint fk_assignment_option_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_assignment_option_assignment foreign key (assignment_id) references assignment (id)
);
create index ix_assignment_option_assignment on assignment_option (clinic_id, assignment_id, option_position);
