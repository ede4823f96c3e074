-- A scenario is a plan branched from another at one of its revisions: edited with every tool a plan has,
-- compared with its plan and merged back (changes the plan made meanwhile to the same entries are conflicts).
-- Deleting a plan deletes its scenarios.
alter table plans add column base_plan_id bigint references plans (id) on delete cascade;
alter table plans add column base_revision bigint;
alter table plans add column scenario_name varchar(300);
