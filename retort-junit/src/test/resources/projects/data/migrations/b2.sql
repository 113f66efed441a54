-- retort:revision b2
-- retort:revises a1
-- retort:message b2 of data
-- retort:upgrade
ALTER TABLE elements ADD COLUMN owner VARCHAR(50);
UPDATE elements SET owner = (SELECT owner FROM worlds WHERE worlds.id = elements.world_id);
-- retort:downgrade
ALTER TABLE elements DROP COLUMN owner;
