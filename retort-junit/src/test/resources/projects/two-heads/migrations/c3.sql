-- retort:revision c3
-- retort:revises a1
-- retort:message c3 of two-heads
-- retort:upgrade
CREATE TABLE c (id INTEGER PRIMARY KEY);
-- retort:downgrade
DROP TABLE c;
