-- retort:revision b2
-- retort:revises a1
-- retort:message b2 of good
-- retort:upgrade
ALTER TABLE users ADD COLUMN name VARCHAR(50);
-- retort:downgrade
ALTER TABLE users DROP COLUMN name;
