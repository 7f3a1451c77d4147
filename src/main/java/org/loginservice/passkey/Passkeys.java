package org.loginservice.passkey;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import org.loginservice.session.OpaqueTokens;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Passkeys (WebAuthn): adding one to an account, and logging in with one. The ceremonies
 * are checked by webauthn4j (origin, RP id hash, challenge, signature, flags, counter);
 * this class keeps the challenges single use and the credentials per account.
 * <p>
 * Nothing here runs in one transaction: a challenge is spent by the statement that takes
 * it, before the answer it came with is checked, so a refused answer cannot be sent
 * again.
 */
@Service
public class Passkeys {

	/** The most passkeys one account may have. */
	static final int MAX_PER_ACCOUNT = 20;

	private static final Set<String> KNOWN_TRANSPORTS = Set.of("usb", "nfc", "ble", "smart-card", "hybrid", "internal");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

	private final WebAuthnManager webAuthn;

	private final ObjectConverter converter;

	private final PasskeyChallenges challenges;

	private final StoredPasskeys stored;

	private final PasskeySettings settings;

	private final Set<Origin> origins;

	private final List<PublicKeyCredentialParameters> algorithms;

	private final Clock clock;

	Passkeys(PasskeyChallenges challenges, StoredPasskeys stored, PasskeySettings settings, Clock clock) {
		this.converter = new ObjectConverter();
		this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(this.converter);
		this.challenges = challenges;
		this.stored = stored;
		this.settings = settings;
		this.origins = settings.origins().stream().map(Origin::create).collect(Collectors.toUnmodifiableSet());
		this.algorithms = CreationOptions.ALGORITHMS.stream()
			.map((algorithm) -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY,
					COSEAlgorithmIdentifier.create(algorithm.alg())))
			.toList();
		this.clock = clock;
	}

	/**
	 * Options to add a passkey to the account, under its user handle (new if it has
	 * none).
	 */
	public CreationOptions creationOptions(long userId, String username) {
		List<StoredPasskeys.Row> existing = this.stored.of(userId);
		String userHandle = existing.isEmpty() ? newUserHandle() : existing.get(0).userHandle();
		String challenge = this.challenges.forRegistration(userId, userHandle);
		return new CreationOptions(new CreationOptions.RelyingParty(this.settings.rpId(), this.settings.rpName()),
				new CreationOptions.UserEntity(userHandle, username, username), challenge, CreationOptions.ALGORITHMS,
				PasskeyChallenges.LIFETIME.toMillis(), existing.stream().map(Passkeys::descriptor).toList(),
				new CreationOptions.AuthenticatorSelection("required", true, "preferred"), "none");
	}

	/**
	 * Adds the passkey an authenticator made from the account's options.
	 * @param credential the browser's {@code credential.toJSON()}, a
	 * {@code RegistrationResponseJSON}
	 * @param label what its owner calls it; blank for "Passkey"
	 * @throws PasskeyRefused if the challenge is not the account's, alive and unused, or
	 * the answer does not check out
	 */
	public Passkey add(long userId, String credential, String label) {
		RegistrationData registration;
		try {
			registration = this.webAuthn.parseRegistrationResponseJSON(credential);
		}
		catch (RuntimeException ex) {
			// Malformed input: webauthn4j reports some of it as NullPointerException.
			registration = null;
		}
		if (registration == null || registration.getAttestationObject() == null
				|| registration.getCollectedClientData() == null) {
			throw new PasskeyRefused("The credential is not a WebAuthn registration response.");
		}
		String challenge = challengeOf(registration.getCollectedClientData());
		String userHandle = ((challenge != null) ? this.challenges.takeForRegistration(challenge, userId)
				: Optional.<String>empty())
			.orElseThrow(() -> new PasskeyRefused(
					"The challenge is unknown, used, expired or another account's: ask for new options."));
		try {
			this.webAuthn.verify(registration,
					new RegistrationParameters(serverProperty(challenge), this.algorithms, false, true));
		}
		catch (VerificationException | IllegalArgumentException ex) {
			throw new PasskeyRefused("The authenticator's answer does not check out: " + ex.getClass().getSimpleName());
		}
		AuthenticatorData<?> data = registration.getAttestationObject().getAuthenticatorData();
		AttestedCredentialData attested = data.getAttestedCredentialData();
		String publicKey = BASE64URL
			.encodeToString(this.converter.getCborConverter().writeValueAsBytes(attested.getCOSEKey()));
		if (!usable(attested.getCOSEKey()) || publicKey.length() > StoredPasskeys.MAX_PUBLIC_KEY_LENGTH) {
			throw new PasskeyRefused("The passkey's public key cannot check a signature, or is too large.");
		}
		StoredPasskeys.Row row = new StoredPasskeys.Row(BASE64URL.encodeToString(attested.getCredentialId()), userId,
				userHandle, publicKey, data.getSignCount(), transports(registration.getTransports()), data.isFlagUV(),
				data.isFlagBE(), data.isFlagBS(), labelOrDefault(label), this.clock.instant(), null);
		boolean added;
		try {
			added = this.stored.addIfFewerThan(row, MAX_PER_ACCOUNT);
		}
		catch (DuplicateKeyException ex) {
			throw new PasskeyRefused("This passkey is added already.");
		}
		if (!added) {
			throw new PasskeyRefused("An account can have at most " + MAX_PER_ACCOUNT + " passkeys.");
		}
		return row.view();
	}

	/** The account's passkeys, oldest first. */
	public List<Passkey> of(long userId) {
		return this.stored.of(userId).stream().map(StoredPasskeys.Row::view).toList();
	}

	/**
	 * @throws NoSuchPasskey if the account has no passkey with that id
	 */
	public void delete(long userId, String id) {
		if (!this.stored.delete(userId, id)) {
			throw new NoSuchPasskey();
		}
	}

	/** Options to log in with any passkey for this site. */
	public RequestOptions requestOptions() {
		return new RequestOptions(this.challenges.forLogin(), PasskeyChallenges.LIFETIME.toMillis(),
				this.settings.rpId(), List.of(), "required");
	}

	/**
	 * Checks a login with a passkey.
	 * @param credential the browser's {@code credential.toJSON()}, an
	 * {@code AuthenticationResponseJSON}
	 * @return the account it logs in
	 * @throws InvalidPasskey if the challenge is not alive and unused, the passkey is
	 * unknown, or the answer does not check out
	 */
	public long authenticate(String credential) {
		AuthenticationData authentication;
		try {
			authentication = this.webAuthn.parseAuthenticationResponseJSON(credential);
		}
		catch (RuntimeException ex) {
			// Malformed input: webauthn4j reports some of it as NullPointerException.
			throw new InvalidPasskey();
		}
		if (authentication.getCredentialId() == null || authentication.getAuthenticatorData() == null
				|| authentication.getSignature() == null) {
			throw new InvalidPasskey();
		}
		String challenge = challengeOf(authentication.getCollectedClientData());
		if (challenge == null || !this.challenges.takeForLogin(challenge)) {
			throw new InvalidPasskey();
		}
		StoredPasskeys.Row passkey = this.stored.find(BASE64URL.encodeToString(authentication.getCredentialId()))
			.orElseThrow(InvalidPasskey::new);
		byte[] userHandle = authentication.getUserHandle();
		if (userHandle == null || !passkey.userHandle().equals(BASE64URL.encodeToString(userHandle))) {
			throw new InvalidPasskey();
		}
		try {
			this.webAuthn.verify(authentication,
					new AuthenticationParameters(serverProperty(challenge), record(passkey), null, true, true));
		}
		catch (VerificationException | IllegalArgumentException ex) {
			throw new InvalidPasskey();
		}
		AuthenticatorData<?> data = authentication.getAuthenticatorData();
		if (!this.stored.used(passkey.credentialId(), data.getSignCount(), data.isFlagBS(), this.clock.instant())) {
			throw new InvalidPasskey();
		}
		return passkey.userId();
	}

	private ServerProperty serverProperty(String challenge) {
		return ServerProperty.builder()
			.origins(this.origins)
			.rpId(this.settings.rpId())
			.challenge(new DefaultChallenge(FROM_BASE64URL.decode(challenge)))
			.build();
	}

	private CredentialRecord record(StoredPasskeys.Row passkey) {
		COSEKey key = this.converter.getCborConverter()
			.readValue(FROM_BASE64URL.decode(passkey.publicKey()), COSEKey.class);
		AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO,
				FROM_BASE64URL.decode(passkey.credentialId()), key);
		return new CredentialRecordImpl(new NoneAttestationStatement(), passkey.uvInitialized(),
				passkey.backupEligible(), passkey.backupState(), passkey.signCount(), attested, null, null, null,
				passkey.transports().stream().map(AuthenticatorTransport::create).collect(Collectors.toSet()));
	}

	/** 32 random bytes, base64url, as a bearer token is: never derived from the name. */
	private static String newUserHandle() {
		return OpaqueTokens.generate();
	}

	/** The challenge the client signed, or null if it names none. */
	private static String challengeOf(CollectedClientData clientData) {
		return (clientData != null && clientData.getChallenge() != null)
				? BASE64URL.encodeToString(clientData.getChallenge().getValue()) : null;
	}

	/**
	 * The transports WebAuthn defines, of those the browser named; any others are
	 * dropped.
	 */
	private static List<String> transports(Set<AuthenticatorTransport> transports) {
		return (transports != null) ? transports.stream()
			.map(AuthenticatorTransport::getValue)
			.filter(KNOWN_TRANSPORTS::contains)
			.distinct()
			.sorted()
			.toList() : List.of();
	}

	/** Whether the key is well formed and is one the JDK can check a signature with. */
	private static boolean usable(COSEKey key) {
		try {
			key.validate();
			return key.hasPublicKey() && key.getPublicKey() != null;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String labelOrDefault(String label) {
		return (label == null || label.isBlank()) ? "Passkey" : label.strip();
	}

	private static CredentialDescriptor descriptor(StoredPasskeys.Row passkey) {
		return new CredentialDescriptor("public-key", passkey.credentialId(), passkey.transports());
	}

}
