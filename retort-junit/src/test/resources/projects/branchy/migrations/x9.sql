-- retort:revision x9
-- retort:revises m4
-- retort:depends-on c3
-- retort:message x9 of branchy
-- retort:upgrade
CREATE TABLE x (id INTEGER PRIMARY KEY);
-- retort:downgrade
DROP TABLE x;
