-- Worksheets (issue 3). A template is the library entry; each version holds one complete,
-- validated JSON document (decision 0013). Built-ins ship in the source tree and are loaded
-- into builtin_worksheet (shared by every clinic, so it has no clinic_id).

create table builtin_worksheet (
    id            char(36)     not null,
    slug          varchar(60)  not null,
    number        int          not null,
    content_hash  char(64)     not null,
    title         varchar(120) not null,
    document      mediumtext   not null,
    loaded_at     datetime(6)  not null,
    constraint pk_builtin_worksheet primary key (id),
    -- a second node loading the same file at the same moment fails here instead of duplicating it
    constraint uk_builtin_worksheet_slug_number unique (slug, number)
);

create table worksheet_template (
    id                  char(36)      not null,
    clinic_id           char(36)      not null,
    owner_id            char(36)      not null,
    title               varchar(120)  not null,
    description         varchar(400)  not null,
    category            varchar(32)   not null,
    tags                varchar(400)  not null,
    difficulty          int           not null,
    minutes             int           not null,
    language            varchar(8)    not null,
    -- lower-cased title, description, tags and field labels: what the library search matches
    search_text         varchar(4000) not null,
    sharing             varchar(16)   not null,
    latest_number       int           not null,
    published_number    int,
    forked_from_slug    varchar(60),
    forked_from_number  int,
    archived_at         datetime(6),
    -- counts every change to the template or its open draft, so the row (and its lock) always moves
    edits               int           not null,
    created_at          datetime(6)   not null,
    updated_at          datetime(6)   not null,
    version             bigint        not null,
    constraint pk_worksheet_template primary key (id),
    constraint fk_worksheet_template_clinic foreign key (clinic_id) references clinic (id)
);
create index ix_worksheet_template_clinic_sharing on worksheet_template (clinic_id, sharing, archived_at);
create index ix_worksheet_template_clinic_owner on worksheet_template (clinic_id, owner_id);

create table worksheet_version (
    id            char(36)     not null,
    clinic_id     char(36)     not null,
    template_id   char(36)     not null,
    number        int          not null,
    state         varchar(16)  not null,
    document      mediumtext   not null,
    edited_by     char(36)     not null,
    edited_at     datetime(6)  not null,
    published_at  datetime(6),
    version       bigint       not null,
    constraint pk_worksheet_version primary key (id),
    constraint fk_worksheet_version_clinic foreign key (clinic_id) references clinic (id),
    constraint fk_worksheet_version_template foreign key (template_id) references worksheet_template (id),
    constraint uk_worksheet_version_number unique (clinic_id, template_id, number)
);
