-- retort:revision a1
-- retort:message a1 of two-heads
-- retort:upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL);
-- retort:downgrade
DROP TABLE users;
