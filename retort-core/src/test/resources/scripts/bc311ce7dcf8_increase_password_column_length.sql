-- Widen users.password for the new hash format.
-- retort:revision bc311ce7dcf8
-- retort:revises 1a2b3c4d5e6f

-- retort:branch-labels auth, accounts
-- retort:depends-on 9f8e7d6c5b4a
-- retort:message increase password column length
-- retort:transactional false
-- retort:upgrade
ALTER TABLE users ALTER COLUMN password TYPE varchar(255);
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- retort:downgrade
DROP FUNCTION touch();
ALTER TABLE users ALTER COLUMN password TYPE varchar(128);
