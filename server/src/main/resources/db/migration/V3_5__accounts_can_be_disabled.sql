-- An administrator disables an account instead of deleting it: the plans, history and memberships that
-- name the user stay as they are, and the user can neither sign in nor use a token.
alter table users add column disabled boolean default false not null;
