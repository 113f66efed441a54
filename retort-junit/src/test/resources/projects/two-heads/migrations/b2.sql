-- retort:revision b2
-- retort:revises a1
-- retort:message b2 of two-heads
-- retort:upgrade
CREATE TABLE b (id INTEGER PRIMARY KEY);
-- retort:downgrade
DROP TABLE b;
