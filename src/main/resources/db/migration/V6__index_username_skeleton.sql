-- Settles simultaneous registrations of two names that look alike: exactly one insert wins.
-- Rows without a skeleton (see V4) do not take part.
CREATE UNIQUE INDEX users_username_skeleton_key ON users (username_skeleton);
