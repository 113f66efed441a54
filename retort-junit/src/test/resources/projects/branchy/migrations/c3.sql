-- retort:revision c3
-- retort:revises a1
-- retort:branch-labels side
-- retort:message c3 of branchy
-- retort:upgrade
CREATE TABLE c (id INTEGER PRIMARY KEY);
-- retort:downgrade
DROP TABLE c;
