-- retort:revision c3
-- retort:revises b2
-- retort:message c3 of good
-- retort:upgrade
CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, title VARCHAR(100),
  FOREIGN KEY (user_id) REFERENCES users (id));
CREATE INDEX ix_posts_user ON posts (user_id);
-- retort:downgrade
DROP TABLE posts;
