-- Secrets that every instance on this database shares, made by the first instance that needs one.
CREATE TABLE service_secrets (
	name VARCHAR(64) PRIMARY KEY,
	secret VARCHAR(128) NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Nonces of the proof-of-work challenges solved, until they expire: each is good once.
CREATE TABLE used_challenges (
	nonce VARCHAR(32) PRIMARY KEY,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX used_challenges_expires_at ON used_challenges (expires_at);
