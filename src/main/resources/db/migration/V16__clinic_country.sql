-- Local formats (issue 14, decision 0031). Portable between H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

-- The country whose date and time conventions the clinic's people read when their browser does not say
-- (ISO 3166 two letters, e.g. GB). Null: the country the clinic's time zone suggests (app.homeward.base.Regions).
alter table clinic add column country varchar(2);
