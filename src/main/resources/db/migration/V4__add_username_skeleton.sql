-- The UTS #39 confusable skeleton of canonical_username: names that look alike share one.
-- Filled for existing rows by V5 (UsernameSkeletonMigration), made unique by V6. Left empty
-- on an existing row whose look-alike came first. Up to 7 characters per character of a
-- 64-character name.
ALTER TABLE users ADD COLUMN username_skeleton VARCHAR(512);
