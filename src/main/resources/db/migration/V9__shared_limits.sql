-- Limits shared by every instance on this database (issue 11, decision 0027). Platform tables, not
-- tenant-owned: no clinic_id column; where a limit is per clinic, the clinic id is part of the key.
-- Keys are "<LIMIT>:" + SHA-256 (base64url) of what is limited (an IP address, a clinic and email,
-- an account id), so no address or email is stored here and every key has the same bounded length.
-- Only app.homeward.security.SharedLimitStore reads and writes these tables (plain JDBC, autocommit).

-- Bucket4j token buckets (RateLimits): the serialised bucket state, a version for compare-and-swap,
-- and when the bucket will be full again (after that the row means nothing and is deleted).
create table rate_limit_bucket (
    bucket_key  varchar(100)   not null,
    state       varbinary(2048) not null,
    version     bigint         not null,
    expires_at  datetime(6)    not null,
    constraint pk_rate_limit_bucket primary key (bucket_key)
);
create index ix_rate_limit_bucket_expires on rate_limit_bucket (expires_at);

-- Failed sign-ins and second-factor codes per account and per IP address (SignInThrottle): the count
-- and the last failure set the progressive delay; the row is forgotten at expires_at.
create table sign_in_failure (
    failure_key      varchar(100) not null,
    failures         int          not null,
    last_failure_at  datetime(6)  not null,
    expires_at       datetime(6)  not null,
    constraint pk_sign_in_failure primary key (failure_key)
);
create index ix_sign_in_failure_expires on sign_in_failure (expires_at);
