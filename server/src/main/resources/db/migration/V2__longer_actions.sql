-- What a revision did is named after the file imported or the entry changed (ids up to 200 characters):
-- 40 characters were too few ("import office-move-2027-final.plan.yaml" failed). The store cuts longer
-- names at 300 characters.
alter table plan_changes alter column action set data type varchar(300);
