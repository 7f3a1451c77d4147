-- When each account last logged in (any way: password, second step, passkey), for operators.
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;

-- Password reset codes an operator issued, by their SHA-256 hash only: one live code per account.
CREATE TABLE password_resets (
	user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	code_hash VARCHAR(64) NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX password_resets_expires_at ON password_resets (expires_at);
