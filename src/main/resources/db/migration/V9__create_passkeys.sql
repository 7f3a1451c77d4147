-- Passkeys (WebAuthn credentials): what checking a login with one needs, and its label.
-- Ids, user handles and keys are base64url. public_key is the COSE key; sign_count the
-- authenticator's last signature counter (0 for one that never counts).
CREATE TABLE passkeys (
	credential_id VARCHAR(1400) PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	user_handle VARCHAR(88) NOT NULL,
	public_key VARCHAR(2800) NOT NULL,
	sign_count BIGINT NOT NULL,
	transports VARCHAR(256) NOT NULL,
	uv_initialized BOOLEAN NOT NULL,
	backup_eligible BOOLEAN NOT NULL,
	backup_state BOOLEAN NOT NULL,
	label VARCHAR(256) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	last_used_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX passkeys_user_id ON passkeys (user_id);

-- Challenges of passkey ceremonies under way, until they are used or expire: each is good once.
CREATE TABLE passkey_challenges (
	challenge VARCHAR(64) PRIMARY KEY,
	purpose VARCHAR(16) NOT NULL,
	user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
	user_handle VARCHAR(88),
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX passkey_challenges_expires_at ON passkey_challenges (expires_at);
