-- A member of a plan can be linked to one of its resources (by the resource's id), so that the work
-- assigned to that resource is theirs to report on ("My work"). Null: not linked.
alter table plan_members add column resource_id varchar(200);
