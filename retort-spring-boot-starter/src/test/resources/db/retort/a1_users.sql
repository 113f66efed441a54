-- retort:revision a1
-- retort:message users
-- retort:upgrade
CREATE TABLE users (
  id BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(50) NOT NULL
);
-- retort:downgrade
DROP TABLE users;
