-- retort:revision b2
-- retort:revises a1
-- retort:message posts
-- retort:upgrade
CREATE TABLE posts (
  id BIGINT NOT NULL PRIMARY KEY,
  title VARCHAR(200) NOT NULL
);
-- retort:downgrade
DROP TABLE posts;
