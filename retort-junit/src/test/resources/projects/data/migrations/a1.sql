-- retort:revision a1
-- retort:message a1 of data
-- retort:upgrade
CREATE TABLE worlds (id INTEGER PRIMARY KEY, owner VARCHAR(50) NOT NULL);
CREATE TABLE elements (id INTEGER PRIMARY KEY, world_id INTEGER NOT NULL, name VARCHAR(50));
-- retort:downgrade
DROP TABLE elements;
DROP TABLE worlds;
