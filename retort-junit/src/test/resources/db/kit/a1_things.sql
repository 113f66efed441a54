-- retort:revision k1
-- retort:message things, from a SQL resource
-- retort:upgrade
CREATE TABLE things (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);
-- retort:downgrade
DROP TABLE things;
