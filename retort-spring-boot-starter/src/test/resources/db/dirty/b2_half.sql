-- retort:revision b2
-- retort:revises a1
-- retort:message fails half-way, outside a transaction
-- retort:transactional false
-- retort:upgrade
CREATE TABLE posts (id BIGINT NOT NULL PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
-- retort:downgrade
DROP TABLE posts;
