-- retort:revision m4
-- retort:revises b2, c3
-- retort:message m4 of branchy
-- retort:upgrade
ALTER TABLE b ADD COLUMN c_id INTEGER;
-- retort:downgrade
ALTER TABLE b DROP COLUMN c_id;
