-- retort:revision b2
-- retort:revises a1
-- retort:message b2 of broken
-- retort:upgrade
INSERT INTO users (id, email) VALUES (1, 'a@example.com');
INSERT INTO nowhere VALUES (1);
-- retort:downgrade
DELETE FROM users;
