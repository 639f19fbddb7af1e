-- Whether the therapist put the reason for a homework in their own words or kept the worksheet's
-- suggested text: one of the figures of "my homework practice" (decision 0044). Null where it cannot
-- be known (plans made before this column, and choices, whose options each bring their own reason).
alter table assignment add column rationale_own boolean;
