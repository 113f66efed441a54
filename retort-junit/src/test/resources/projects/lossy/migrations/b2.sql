-- retort:revision b2
-- retort:revises a1
-- retort:message b2 of lossy
-- retort:upgrade
CREATE TABLE audit (id INTEGER PRIMARY KEY, what VARCHAR(100));
-- retort:downgrade
SELECT 1;
