-- An account's TOTP authenticator. The secret is sealed (AES-256-GCM, see TotpSecrets);
-- confirmed_at stays NULL while it is being enrolled. last_step is the last time step
-- whose code was accepted: a code for it or an earlier one is refused (RFC 6238 5.2).
CREATE TABLE totp_factors (
	user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
	sealed_secret VARCHAR(128) NOT NULL,
	confirmed_at TIMESTAMP WITH TIME ZONE,
	last_step BIGINT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Recovery codes, by their SHA-256 hash only. Using one deletes its row: one use, on every instance.
CREATE TABLE recovery_codes (
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	code_hash VARCHAR(64) NOT NULL,
	PRIMARY KEY (user_id, code_hash)
);

-- Logins whose password was right, waiting for their second step; only a SHA-256 hash of the mfaToken.
CREATE TABLE pending_logins (
	token_hash VARCHAR(64) PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	wrong_codes INT NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX pending_logins_user_id ON pending_logins (user_id);
CREATE INDEX pending_logins_expires_at ON pending_logins (expires_at);
