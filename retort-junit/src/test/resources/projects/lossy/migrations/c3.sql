-- retort:revision c3
-- retort:revises b2
-- retort:message c3 of lossy
-- retort:upgrade
ALTER TABLE users ADD COLUMN nick VARCHAR(20);
-- retort:downgrade
ALTER TABLE users DROP COLUMN nick;
